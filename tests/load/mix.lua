-- tests/load/mix.lua: the request mix of `make load`, for wrk.
--
-- Run by tests/load/run.sh as `wrk -t N -c N -s mix.lua`: one connection
-- per wrk thread, so that each thread's Lua state sees its requests and
-- their answers strictly in turn (request, response, request...).  Each
-- thread takes its own share of the organisations (those whose place in
-- the data file is its number, modulo the number of threads): no two
-- connections ever save the same section of the same organisation, so
-- the version a thread keeps for each section is always the one in the
-- database, and a 409 (conflict) is a true error.
--
-- The mix (LOAD_VIEWS and LOAD_SUMMARIES, percentages; the rest saves):
--   60 %  GET /o/<id>/<section>, a section page, any of the fourteen;
--   25 %  GET /o/<id>/summary, the whole plan on one page;
--   15 %  POST /o/<id>/<section>, a save of one of the sections of
--         data.saves with the version last seen and a marker unique to
--         the request ("<run>-<thread>-<n>") at the start of one field.
-- A save answered 303 to /o/<id>/<section>?saved=1 is acknowledged: it is
-- written down (organisation, section, the version it made, marker) and
-- the section's version goes up by one.  A save answered otherwise, or
-- not answered at all (the connection broke), leaves the version
-- unknown: the next request for that section reads the page first and
-- takes the version from its form.
--
-- The environment: LOAD_DATA (the data file run.sh wrote: a Lua chunk
-- returning { sections, saves, orgs }), LOAD_CONNECTIONS (the number of
-- threads), LOAD_RUN (the name of the run, in every marker), LOAD_OUT
-- (where done() writes acked.csv and stats.txt).

local data_path = os.getenv("LOAD_DATA")
local nthreads = tonumber(os.getenv("LOAD_CONNECTIONS") or "1")
local run = os.getenv("LOAD_RUN") or "load"
local views = tonumber(os.getenv("LOAD_VIEWS") or "60") / 100
local summaries = tonumber(os.getenv("LOAD_SUMMARIES") or "25") / 100

-- In wrk's main Lua state: the threads, numbered from 1 in setup().
local threads = {}

function setup(thread)
	threads[#threads + 1] = thread
	thread:set("tid", #threads)
end

-- In each thread's Lua state.  The globals below are read by done()
-- through thread:get(): flat tables and numbers only.
counts = {}      -- status code -> number of answers
acked = {}       -- "org,section,version,marker" of each acknowledged save
conflicts = 0    -- saves answered 409
refused = 0      -- saves answered anything else but 303 or 409
truncated = 0    -- 200 pages that do not end with </html>
misplaced = 0    -- 303 answers to a save that lead somewhere else

local data, orgs, saveable
local last       -- the request in flight: kind, org, slug, version, marker
local seq = 0

function init(args)
	data = dofile(data_path)
	orgs = {}
	for i, o in ipairs(data.orgs) do
		if (i - 1) % nthreads == tid - 1 then
			orgs[#orgs + 1] = o
		end
	end
	saveable = {}
	for _, s in ipairs(data.saves) do
		saveable[s.slug] = true
	end
	math.randomseed(os.time() * 1000 + tid)
end

-- A GET with the organisation's session.
local function get(o, path)
	return wrk.format("GET", path, { ["Cookie"] = o.cookie })
end

function request()
	-- A save that got no answer may or may not have been made.
	if last ~= nil and last.kind == "save" then
		last.org.v[last.slug] = nil
	end
	local o = orgs[math.random(#orgs)]
	local r = math.random()
	if r < views then
		local slug = data.sections[math.random(#data.sections)]
		last = { kind = "view", org = o, slug = slug }
		return get(o, "/o/" .. o.id .. "/" .. slug)
	elseif r < views + summaries then
		last = { kind = "summary", org = o }
		return get(o, "/o/" .. o.id .. "/summary")
	end
	local s = data.saves[math.random(#data.saves)]
	local v = o.v[s.slug]
	if v == nil then
		-- The version is not known: read the page, which says it.
		last = { kind = "view", org = o, slug = s.slug }
		return get(o, "/o/" .. o.id .. "/" .. s.slug)
	end
	seq = seq + 1
	local marker = string.format("%s-%d-%d", run, tid, seq)
	local body = "csrf=" .. o.csrf .. "&version=" .. v .. "&" .. s.field ..
	    "=" .. marker .. "+" .. s.text .. s.rest
	last = { kind = "save", org = o, slug = s.slug, version = v,
	    marker = marker }
	return wrk.format("POST", "/o/" .. o.id .. "/" .. s.slug, {
		["Cookie"] = o.cookie,
		["Content-Type"] = "application/x-www-form-urlencoded",
	}, body)
end

-- The value of header name (any case) in headers, or nil.
local function header(headers, name)
	for k, v in pairs(headers) do
		if string.lower(k) == name then
			return v
		end
	end
	return nil
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
	local l = last
	last = nil
	if l == nil then
		return
	end
	if status == 200 and not string.find(body, "</html>%s*$") then
		truncated = truncated + 1
	end
	if l.kind == "save" then
		local want = "/o/" .. l.org.id .. "/" .. l.slug .. "?saved=1"
		local loc = header(headers, "location") or ""
		if status == 303 and string.sub(loc, -#want) == want then
			l.org.v[l.slug] = l.version + 1
			acked[#acked + 1] = string.format("%d,%s,%d,%s",
			    l.org.id, l.slug, l.version + 1, l.marker)
			return
		end
		l.org.v[l.slug] = nil
		if status == 303 then
			misplaced = misplaced + 1
		elseif status == 409 then
			conflicts = conflicts + 1
		else
			refused = refused + 1
		end
	elseif l.kind == "view" and status == 200 and saveable[l.slug] then
		-- A section page carries its version in its form.
		local v = string.match(body, 'name="version" value="(%d+)"')
		if v ~= nil then
			l.org.v[l.slug] = tonumber(v)
		end
	end
end

-- In the main state, after the run: every thread's counts and
-- acknowledged saves, into LOAD_OUT/acked.csv and LOAD_OUT/stats.txt (one
-- "name value" a line), and a few lines on the standard output.
function done(summary, latency, requests)
	local out = os.getenv("LOAD_OUT") or "."
	local total = {}
	local sums = { conflicts = 0, refused = 0, truncated = 0, misplaced = 0 }
	local f = assert(io.open(out .. "/acked.csv", "w"))
	local nacked = 0
	for _, t in ipairs(threads) do
		for code, n in pairs(t:get("counts")) do
			total[code] = (total[code] or 0) + n
		end
		for _, line in ipairs(t:get("acked")) do
			f:write(line, "\n")
			nacked = nacked + 1
		end
		for k, _ in pairs(sums) do
			sums[k] = sums[k] + t:get(k)
		end
	end
	f:close()

	local e = summary.errors
	local secs = summary.duration / 1e6
	local s = assert(io.open(out .. "/stats.txt", "w"))
	local function put(k, v)
		s:write(k, " ", tostring(v), "\n")
	end
	put("seconds", string.format("%.1f", secs))
	put("requests", summary.requests)
	put("rate", string.format("%.1f", summary.requests / secs))
	put("bytes", summary.bytes)
	for _, p in ipairs({ 50, 90, 99 }) do
		put("p" .. p .. "_ms",
		    string.format("%.1f", latency:percentile(p) / 1000))
	end
	put("max_ms", string.format("%.1f", latency.max / 1000))
	put("mean_ms", string.format("%.1f", latency.mean / 1000))
	put("connect_errors", e.connect)
	put("read_errors", e.read)
	put("write_errors", e.write)
	put("timeouts", e.timeout)
	put("status_errors", e.status)
	put("acked", nacked)
	for k, v in pairs(sums) do
		put(k, v)
	end
	local codes = {}
	for code, _ in pairs(total) do
		codes[#codes + 1] = code
	end
	table.sort(codes)
	local line = {}
	for _, code in ipairs(codes) do
		put("status_" .. code, total[code])
		line[#line + 1] = code .. ":" .. total[code]
	end
	s:close()
	io.write(string.format("%s: %d requests in %.1f s, %.1f/s; latency " ..
	    "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", run,
	    summary.requests, secs, summary.requests / secs,
	    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
	    latency:percentile(99) / 1000, latency.max / 1000))
	io.write(string.format("%s: statuses %s; %d saves acknowledged\n", run,
	    table.concat(line, " "), nacked))
end
