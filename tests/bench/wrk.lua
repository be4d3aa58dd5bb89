-- tests/bench/wrk.lua: the one wrk script of tests/bench/run.sh, for every
-- row, so that every row pays the same price inside wrk.
--
-- It counts an answer as a success only when its status is the expected
-- one (BENCH_EXPECT, 200 unless given), and writes one line of figures to
-- the file BENCH_RESULT when the run is done:
--   ok=N bad=N errors=N rps=R p50=MS p90=MS p99=MS codes=STATUS:N,...
-- where rps counts the successes per second only, the latencies (ms) are
-- wrk's over every answer, and errors are wrk's socket errors (connect,
-- read, write, timeout).
--
-- The environment says what to send (wrk's Lua reads it with os.getenv):
--   BENCH_MODE     get (the URL as it is, the default), save or login
--   BENCH_COOKIE   a Cookie header for every request ("" for none)
--   BENCH_EXPECT   the status of a success
--   BENCH_RESULT   the file the figures go to
-- save: a POST of a section form per request, each with the next version
-- of its plan, so that none is a conflict.  Run it with as many threads
-- as connections (wrk -tN -cN): each thread then has one connection, so
-- its requests go one after the other, and keeps one organisation:
--   BENCH_SAVE_ORGS  "ORG:VERSION ..." one organisation per thread, with
--                    the version its section is at
--   BENCH_SAVE_PATH  the path, with __ORG__ where the organisation's id goes
--   BENCH_SAVE_BODY  the form, with __BENCH_VERSION__ where the version goes
-- After a 303 the version goes up by one; after a 409 (someone else saved:
-- no other writer is expected) the version the page shows is taken, so
-- that one conflict does not make every later request one.
-- login: a POST of BENCH_LOGIN_BODY to the URL's path.

local mode = os.getenv("BENCH_MODE") or "get"
local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
local cookie = os.getenv("BENCH_COOKIE") or ""
local threads = {}

-- In the main state, before the threads start: each thread its number.
function setup(thread)
	table.insert(threads, thread)
	thread:set("index", #threads)
end

-- In each thread's own state.
function init(args)
	ok, bad, codes = 0, 0, {}
	if cookie ~= "" then
		wrk.headers["Cookie"] = cookie
	end
	if mode == "save" or mode == "login" then
		wrk.method = "POST"
		wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
	end
	if mode == "login" then
		wrk.body = os.getenv("BENCH_LOGIN_BODY")
	elseif mode == "save" then
		local n = 0
		for id, v in string.gmatch(os.getenv("BENCH_SAVE_ORGS"), "(%d+):(%d+)") do
			n = n + 1
			if n == index then
				org, version = id, tonumber(v)
			end
		end
		if org == nil then
			error("BENCH_SAVE_ORGS has no organisation for thread " .. index)
		end
		path = string.gsub(os.getenv("BENCH_SAVE_PATH"), "__ORG__", org)
		form = os.getenv("BENCH_SAVE_BODY")
	end
end

-- A save carries the version its organisation's section is at now.
if mode == "save" then
	function request()
		local body = string.gsub(form, "__BENCH_VERSION__", tostring(version))
		return wrk.format(nil, path, nil, body)
	end
end

function response(status, headers, body)
	if status == expect then
		ok = ok + 1
		if mode == "save" then
			version = version + 1
		end
	else
		bad = bad + 1
		if mode == "save" and status == 409 then
			local v = string.match(body, 'name="version" value="(%d+)"')
			if v ~= nil then
				version = tonumber(v)
			end
		end
	end
	codes[status] = (codes[status] or 0) + 1
end

-- In the main state: the figures of every thread, added up.
function done(summary, latency, requests)
	local nok, nbad, all = 0, 0, {}
	for _, t in ipairs(threads) do
		nok = nok + t:get("ok")
		nbad = nbad + t:get("bad")
		for code, n in pairs(t:get("codes")) do
			all[code] = (all[code] or 0) + n
		end
	end
	local list = {}
	for code, n in pairs(all) do
		table.insert(list, code .. ":" .. n)
	end
	table.sort(list)
	local e = summary.errors
	local f = io.open(os.getenv("BENCH_RESULT"), "w")
	f:write(string.format("ok=%d bad=%d errors=%d rps=%.1f p50=%.2f p90=%.2f p99=%.2f codes=%s\n",
		nok, nbad, e.connect + e.read + e.write + e.timeout,
		nok / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(90) / 1000,
		latency:percentile(99) / 1000, table.concat(list, ",")))
	f:close()
end
