{{%AUTOESCAPE context="CSS"}}
/* The stylesheet of the standalone summary.html (summary_doc.tpl): what
   the document needs of static/style.css, with no site around it, to read
   offline and to print.  The part between the "==" lines is
   static/style.css's, word for word (tests/e2e/summary.sh checks it): edit
   both together. */
:root {
	--ink: #1d2430;
	--muted: #4d5868;
	--paper: #fbfaf7;
	--card: #ffffff;
	--line: #d9d4c7;
	--accent: #0b5f59;
	--accent-ink: #ffffff;
	--accent-soft: #e3f1ef;
	--warn: #8a4b00;
	--warn-soft: #fff3e0;
	--error: #a3122a;
	--error-soft: #fdecee;
	--ok: #1e6b2e;
	--ok-soft: #e8f5ea;
	--focus: #f2b705;
	--radius: 6px;
}
* { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
	margin: 0;
	padding: 0 1rem 2rem;
	font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
	font-size: 1.0625rem;
	line-height: 1.6;
	color: var(--ink);
	background: var(--paper);
	overflow-wrap: break-word;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 2px var(--focus); }
h1, h2, h3 { line-height: 1.25; margin: 1.5rem 0 0.75rem; }
h1 { font-size: 1.9rem; }
h2 { font-size: 1.35rem; }
h3 { font-size: 1.1rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
.hint { color: var(--muted); font-size: 0.95rem; margin: 0 0 0.3rem; }
p.warn { color: var(--warn); font-weight: 600; }
@media print {
	body { background: #fff; padding: 0; font-size: 11pt; }
}

/* == The strategy as a document (summary.tpl) ==
   Kept word for word in templates/summary_style.tpl, the stylesheet of the
   standalone file: tests/e2e/summary.sh checks that both say the same. */
.doc { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 2.5rem 2.5rem; max-width: 54rem; margin: 1.25rem auto 0; }
.doc h1 { font-size: 2.2rem; margin: 0.25rem 0 0.5rem; overflow-wrap: anywhere; }
.doc .date { color: var(--muted); }
.doc .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); font-weight: 700; font-size: 0.85rem; margin: 1rem 0 0; }
.doc-head { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 0.5rem; }
.shared-note { background: var(--accent-soft); border-radius: var(--radius); padding: 0.4rem 0.8rem; display: inline-block; }
.downloads { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; margin: 0.5rem 0 1rem; }
.downloads-label { color: var(--muted); font-size: 0.95rem; }
.downloads a { border: 2px solid var(--accent); border-radius: var(--radius); padding: 0.2rem 0.7rem; font-weight: 600; text-decoration: none; font-size: 0.95rem; }
.downloads a:hover { background: var(--accent-soft); }
.share-panel { border: 1px solid var(--line); border-radius: var(--radius); background: var(--paper); padding: 0.25rem 1rem 0.5rem; margin: 0 0 1rem; }
.share-panel h2 { font-size: 1.05rem; margin: 0.5rem 0 0.3rem; }
.share-panel p { margin: 0 0 0.4rem; font-size: 0.95rem; }
.toc { background: var(--paper); border-radius: var(--radius); padding: 0.25rem 1.25rem 0.75rem; }
.toc h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0.75rem 0 0.5rem; border: none; padding: 0; }
.toc ol { columns: 2 16rem; column-gap: 2rem; margin: 0 0 0.5rem; padding-left: 1.5rem; }
.toc li { break-inside: avoid; margin-bottom: 0.15rem; }
.toc p { margin: 0.25rem 0 0; }
.doc .tag { display: inline-block; font-size: 0.8rem; font-weight: 600; border-radius: 999px; padding: 0.05rem 0.6rem; background: var(--line); color: var(--ink); vertical-align: middle; }
.doc .tag.todo { background: var(--error-soft); color: var(--error); font-style: normal; }
.doc .todo { color: var(--muted); font-style: italic; }

.doc .part { margin-top: 2.25rem; }
.doc .part > h2 { display: flex; align-items: baseline; gap: 0.6rem; font-size: 1.45rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.3rem; margin: 0 0 1rem; }
.doc .part > h2[data-num]::before { content: attr(data-num); flex: none; display: inline-grid; place-items: center; min-width: 1.9rem; height: 1.9rem; border-radius: 50%; background: var(--accent); color: var(--accent-ink); font-size: 0.95rem; align-self: center; }
.doc h3 { font-size: 1.15rem; margin: 1.5rem 0 0.6rem; }
.doc h4 { font-size: 1.1rem; margin: 0; }
.doc .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 1rem; }
.doc .stem { font-weight: 600; color: var(--muted); }
.doc .note { color: var(--muted); font-size: 0.95rem; margin: 0.4rem 0 0; }
.doc .figure { margin: 0 0 1rem; }
.doc .big { font-size: 1.6rem; color: var(--accent); margin-right: 0.3rem; }
.doc .v, .doc dd, .doc blockquote p { white-space: pre-wrap; }
.doc p, .doc dd, .doc li { overflow-wrap: anywhere; }
.doc .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

dl.rows { margin: 0 0 1rem; }
dl.rows dt { font-weight: 600; margin-top: 0.8rem; }
dl.rows dd { margin: 0.15rem 0 0; }
dl.facts, dl.measure { display: flex; flex-wrap: wrap; gap: 0.4rem 1.75rem; margin: 0.5rem 0 0; }
dl.facts dt, dl.measure dt { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; }
dl.facts dd, dl.measure dd { margin: 0; font-weight: 600; }

ul.accounts { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
.account-name { margin: 0; }
.account-name .handle { overflow-wrap: anywhere; }

dl.statements { margin: 0; }
dl.statements dt { font-weight: 600; color: var(--muted); font-size: 0.95rem; border-left: 4px solid var(--accent); padding: 0.1rem 0 0 1rem; }
dl.statements dd { margin: 0 0 1.25rem; font-size: 1.1rem; border-left: 4px solid var(--accent); padding: 0 0 0.2rem 1rem; }
dl.statements dd.statement-mission { font-size: 1.3rem; font-weight: 600; }

ol.objectives { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.obj-num { margin: 0 0 0.2rem; font-size: 0.9rem; font-weight: 700; color: var(--accent); text-transform: uppercase; letter-spacing: 0.05em; }
.obj-num .tag { text-transform: none; letter-spacing: 0; margin-left: 0.3rem; }
.doc h3.obj-text { font-size: 1.15rem; margin: 0 0 0.5rem; }
dl.measure { border-top: 1px solid var(--line); padding-top: 0.5rem; }

.pitches { display: grid; gap: 1rem; margin-bottom: 1rem; }
figure.pitch, figure.voice { margin: 0; }
figure.pitch figcaption, figure.voice figcaption { font-weight: 600; color: var(--muted); font-size: 0.95rem; }
figure.pitch blockquote, figure.voice blockquote { margin: 0.3rem 0 0; padding: 0.75rem 1.1rem; background: var(--accent-soft); border-radius: var(--radius); font-size: 1.15rem; }
figure.pitch.long blockquote { font-size: 1rem; background: var(--paper); border: 1px solid var(--line); }
figure.pitch blockquote p, figure.voice blockquote p { margin: 0; }
ul.values { padding-left: 1.25rem; }
ul.values li { margin-bottom: 0.4rem; }

ul.scales { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.5rem; }
ul.scales li { display: grid; grid-template-columns: minmax(9rem, 16rem) minmax(10rem, 14rem) auto; justify-content: start; gap: 0.2rem 1rem; align-items: center; }
ul.scales .axis { color: var(--muted); }
.meter { display: inline-flex; gap: 0.25rem; }
.meter i { width: 0.9rem; height: 0.9rem; border-radius: 50%; border: 2px solid var(--accent); }
.meter i.on { background: var(--accent); }
ul.chips { list-style: none; padding: 0; margin: 0.25rem 0 1rem; display: flex; flex-wrap: wrap; gap: 0.4rem; }
ul.chips li { background: var(--accent-soft); color: var(--accent); border-radius: 999px; padding: 0.15rem 0.8rem; font-weight: 600; }
ul.chips.small li { font-size: 0.85rem; padding: 0.05rem 0.6rem; }
.adjectives-label { margin: 0; }

.personas { display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr)); gap: 1rem; align-items: start; }
.persona { padding-top: 1rem; }
.persona-head { display: flex; gap: 0.75rem; align-items: center; }
.doc .avatar { flex: none; width: 2.6rem; height: 2.6rem; border-radius: 50%; display: grid; place-items: center; font-weight: 700; background: var(--accent); color: var(--accent-ink); }
.persona .role { margin: 0; color: var(--muted); }
.persona dl.rows dt { font-size: 0.9rem; }
.persona ul.chips { margin: 0.6rem 0 0; }

.platform-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; margin-bottom: 1.5rem; }
.platform.card { border-top: 5px solid var(--pf, var(--accent)); }
.platform.card h3 { margin: 0; }
.pf-figures { color: var(--muted); font-weight: 600; margin: 0 0 0.5rem; }
.refs { font-size: 0.95rem; margin: 0.4rem 0 0; }

.week { overflow-x: auto; margin: 1rem 0; }
table.week-grid { border-collapse: collapse; width: 100%; max-width: 40rem; }
table.week-grid caption { text-align: left; font-weight: 700; margin-bottom: 0.5rem; }
table.week-grid th, table.week-grid td { border: 1px solid var(--line); padding: 0.35rem 0.3rem; text-align: center; }
table.week-grid thead th { background: var(--paper); font-size: 0.9rem; }
table.week-grid abbr { text-decoration: none; }
table.week-grid tbody th { text-align: left; font-weight: 600; padding-left: 0.6rem; }
table.week-grid .posts { display: block; font-weight: 400; font-size: 0.8rem; color: var(--muted); }
table.week-grid td.on { background: var(--accent-soft); }
table.week-grid .dot { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--pf, var(--accent)); }

ul.commitments { padding-left: 1.25rem; }
ul.commitments li { margin-bottom: 0.6rem; }
ul.commitments strong::after { content: " \2014"; font-weight: 400; }
ul.roles { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.75rem; }
.roles .note { display: block; margin-top: 0.2rem; }
.role-name { display: block; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; }

table.calendar { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; font-size: 0.95rem; }
table.calendar caption { text-align: left; font-weight: 700; margin-bottom: 0.5rem; }
table.calendar th, table.calendar td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); }
table.calendar thead th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
table.calendar .obj-text { display: block; font-weight: 400; }
table.calendar .target { display: block; color: var(--muted); }
table.calendar td:nth-child(3), table.calendar td:nth-child(4) { white-space: nowrap; }
.review { margin-bottom: 1rem; }
.review h3, .event h3 { margin: 0 0 0.3rem; }
.doc h3 .date { font-weight: 400; color: var(--muted); font-size: 0.95rem; margin-left: 0.4rem; }
.event { margin-bottom: 1rem; }
ol.stages { list-style: none; padding: 0; margin: 0.5rem 0 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; }
ol.stages li { border-top: 3px solid var(--accent); padding-top: 0.3rem; }
.stage { display: block; font-weight: 700; color: var(--accent); }

.doc section.pitfalls { border: 2px solid var(--warn); background: var(--warn-soft); border-radius: var(--radius); padding: 0.5rem 1.25rem; max-width: none; }
.doc section.pitfalls > h2 { border-bottom-color: var(--warn); color: var(--warn); }
.doc section.pitfalls li { margin-bottom: 0.5rem; }
.pitfalls .where { color: var(--muted); font-size: 0.9rem; white-space: nowrap; }
.doc-foot { margin-top: 2.5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }

/* Sample posts, each in the manner of its platform: CSS only, no logo. */
.post-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem 1.25rem; align-items: start; }
figure.post { margin: 0; }
.post-card { --pf: #5b6573; --pf-soft: #eef0f3; --pf-bg: #fff; --pf-ink: #14171a; --pf-muted: #65676b; display: flex; flex-direction: column; background: var(--pf-bg); color: var(--pf-ink); border: 1px solid #d5d8dd; border-radius: 10px; overflow: hidden; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; font-size: 0.95rem; line-height: 1.45; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.08); }
.post-head { order: -2; display: flex; gap: 0.6rem; align-items: center; padding: 0.75rem 0.9rem 0.35rem; }
.post-card .avatar { width: 2.4rem; height: 2.4rem; background: var(--pf); color: #fff; }
.post-card .who { display: flex; flex-direction: column; line-height: 1.25; min-width: 0; }
.post-card .org { font-weight: 700; overflow-wrap: anywhere; }
.post-card .where { font-size: 0.8rem; color: var(--pf-muted); }
.post-body { padding: 0.3rem 0.9rem 0.7rem; }
.post-text { margin: 0 0 0.4rem; }
/* --pf-text: the platform's colour where it is text, dark enough to read
   (4.5:1) on the card; --pf itself stays for the dots and the borders. */
.post-tags { margin: 0; color: var(--pf-text, var(--pf)); font-weight: 600; }
.post-media { display: flex; flex-direction: column; justify-content: flex-end; min-height: 7rem; padding: 0.75rem 0.9rem; color: #fff; background: linear-gradient(135deg, #6d7f93, #34404d); font-size: 0.85rem; }
.media-label { display: block; font-size: 0.7rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; opacity: 0.85; }
.post-card.visual .post-media { order: -1; min-height: 12rem; }
.post-foot { display: flex; justify-content: space-between; align-items: center; border-top: 1px solid #e4e6eb; padding: 0.45rem 0.9rem; font-size: 0.75rem; color: var(--pf-muted); }
.post-foot .actions i { display: inline-block; width: 1.2rem; height: 0.5rem; border-radius: 3px; background: var(--pf-soft); margin-right: 0.7rem; }
.post-foot .platform-name { font-weight: 700; color: var(--pf-text, var(--pf)); }
.post-meta { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem; }
.post-meta span { margin-right: 0.5rem; }
.post-meta .over { color: var(--error); font-weight: 600; }
.pf-facebook { --pf: #1877f2; --pf-soft: #e7f0fd; --pf-text: #1466d8; }
.pf-instagram { --pf: #c13584; --pf-soft: #fbe7f1; }
.post-card.pf-instagram .avatar { background: linear-gradient(45deg, #f9b233, #e1306c 55%, #833ab4); }
.post-card.pf-instagram .post-media { background: linear-gradient(135deg, #833ab4, #e1306c 55%, #f9b233); aspect-ratio: 1 / 1; }
.post-card.pf-instagram .post-tags { color: #00376b; }
.pf-linkedin { --pf: #0a66c2; --pf-soft: #e8f0f9; }
.post-card.pf-linkedin .avatar { border-radius: 4px; }
.pf-x { --pf: #0f1419; --pf-soft: #eff3f4; }
.post-card.pf-x { border-radius: 16px; }
.post-card.pf-x .post-tags { color: #1275b8; }
.pf-youtube { --pf: #e00000; --pf-soft: #fde8e8; }
.post-card.pf-youtube .post-media { background: #0f0f0f; aspect-ratio: 16 / 9; position: relative; }
.post-card.pf-youtube .post-media::before { content: ""; position: absolute; left: 50%; top: 42%; transform: translate(-50%, -50%); width: 3.2rem; height: 2.2rem; border-radius: 0.6rem; background: #e00000; }
.post-card.pf-youtube .post-media::after { content: ""; position: absolute; left: 50%; top: 42%; transform: translate(-30%, -50%); border-style: solid; border-width: 0.5rem 0 0.5rem 0.85rem; border-color: transparent transparent transparent #fff; }
.pf-tiktok { --pf: #fe2c55; --pf-soft: #2a2a2a; }
.post-card.pf-tiktok { --pf-bg: #121212; --pf-ink: #f1f1f1; --pf-muted: #a8a8a8; border-color: #121212; }
.post-card.pf-tiktok .avatar { background: #fe2c55; box-shadow: -2px -2px 0 #25f4ee; }
.post-card.pf-tiktok .post-media { background: linear-gradient(160deg, #25f4ee33, #121212 40%, #fe2c5555); aspect-ratio: 9 / 14; max-height: 24rem; }
.post-card.pf-tiktok .post-foot { border-top-color: #2a2a2a; }
.pf-pinterest { --pf: #e60023; --pf-soft: #fde6e9; }
.post-card.pf-pinterest { border-radius: 18px; }
.post-card.pf-pinterest .post-media { aspect-ratio: 2 / 3; max-height: 24rem; border-radius: 16px; margin: 0.4rem 0.6rem 0; }
.pf-snapchat { --pf: #e0c800; --pf-soft: #fffbcc; --pf-text: #6b5f00; }
.post-card.pf-snapchat .avatar { background: #fffc00; color: #000; box-shadow: inset 0 0 0 2px #000; }
.post-card.pf-snapchat .post-media { background: linear-gradient(180deg, #3b3b3b, #111); aspect-ratio: 9 / 14; max-height: 22rem; }
.pf-threads { --pf: #000; --pf-soft: #efefef; }
.post-card.pf-threads { border-radius: 16px; }
.pf-bluesky { --pf: #1185fe; --pf-soft: #e6f1ff; --pf-text: #0a6fd6; }
.post-card.pf-bluesky { border-radius: 12px; }
.pf-mastodon { --pf: #6364ff; --pf-soft: #ececff; --pf-text: #5253e6; }
.post-card.pf-mastodon { border-left: 4px solid #6364ff; }
.pf-flickr { --pf: #0063dc; --pf-soft: #e5effb; }
.post-card.pf-flickr .avatar { background: #ff0084; }
.post-card.pf-flickr .post-media { aspect-ratio: 4 / 3; background: linear-gradient(135deg, #0063dc, #1d2b3a 60%, #ff0084); }
.pf-reddit { --pf: #ff4500; --pf-soft: #ffece5; --pf-text: #c73600; }
.post-card.pf-reddit .avatar { border-radius: 50%; background: #ff4500; }
.platform.pf-tiktok, .platform.pf-threads, .platform.pf-x { --pf: #14171a; }
.platform.pf-snapchat { --pf: #e0c800; }

/* The time budget chart. */
figure.budget { margin: 1rem 0 1.5rem; max-width: 46rem; }
figure.budget figcaption { font-weight: 700; margin-bottom: 0.5rem; }
svg.budget-chart { width: 100%; height: auto; display: block; }
svg.budget-chart .lbl { font: 14px system-ui, sans-serif; fill: var(--ink); }
svg.budget-chart .lbl.total { font-weight: 700; }
svg.budget-chart .val { font: 13px system-ui, sans-serif; fill: var(--muted); }
svg.budget-chart rect.ref { fill: #d9e6e4; }
svg.budget-chart rect.bar { fill: var(--accent); }
svg.budget-chart rect.bar.total { fill: #2f4858; }
svg.budget-chart rect.bar.over { fill: var(--error); }
svg.budget-chart line.avail { stroke: var(--warn); stroke-width: 3; stroke-dasharray: 4 3; }
.legend { font-size: 0.9rem; color: var(--muted); }
.legend .key { display: inline-block; width: 1rem; height: 0.7rem; vertical-align: middle; margin-left: 0.6rem; }
.legend .key.ref { background: #d9e6e4; }
.legend .key.bar { background: var(--accent); }
.legend .key.avail { border-top: 3px dashed var(--warn); height: 0; }
table.budget-table { border-collapse: collapse; margin-top: 0.5rem; font-size: 0.95rem; }
table.budget-table caption { text-align: left; font-weight: 600; }
table.budget-table th, table.budget-table td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid var(--line); }

@media (max-width: 40rem) {
	.doc { padding: 0.5rem 1rem 1.5rem; border-radius: 0; border-left: none; border-right: none; margin-top: 0.5rem; }
	.doc h1 { font-size: 1.7rem; }
	ul.scales li { grid-template-columns: 1fr auto; }
	ul.scales .axis { grid-column: 1 / -1; font-size: 0.9rem; }
	table.calendar thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
	table.calendar, table.calendar tbody, table.calendar tr, table.calendar th, table.calendar td { display: block; }
	table.calendar tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
	table.calendar th, table.calendar td { border: none; padding: 0.1rem 0; }
	table.week-grid { table-layout: fixed; font-size: 0.8rem; }
	table.week-grid th, table.week-grid td { padding: 0.3rem 0.05rem; }
	table.week-grid thead th:first-child { width: 26%; }
	table.week-grid thead th { font-size: 0.75rem; white-space: nowrap; overflow-wrap: normal; }
	table.week-grid tbody th { padding-left: 0.3rem; }
	/* Smaller type and narrower cells rather than a table that scrolls
	   (a scrolling region would need the keyboard's focus). */
	table.budget-table { width: 100%; font-size: 0.8rem; }
	table.budget-table th, table.budget-table td { padding-right: 0.4rem; }
	table.calendar td:nth-child(3), table.calendar td:nth-child(4) { white-space: normal; }
}

@media print {
	@page { margin: 16mm 15mm; }
	.doc { border: none; border-radius: 0; padding: 0; margin: 0; max-width: none; font-size: 10.5pt; line-height: 1.45; }
	.doc h1 { font-size: 24pt; }
	.downloads, .share-panel, .toc { display: none; }
	.doc .part { margin-top: 1.5rem; }
	.doc .part.major, .doc section.pitfalls { break-before: page; }
	.doc h2, .doc h3, .doc h4, .doc figcaption, table caption { break-after: avoid; }
	.doc .card, figure.post, figure.pitch, figure.voice, figure.budget, .week, table.calendar tr, ul.scales li, ul.commitments li, ol.stages li, .statement, .doc section.pitfalls li { break-inside: avoid; }
	.doc p, .doc dd { orphans: 3; widows: 3; }
	.doc a { color: inherit; text-decoration: none; }
	.personas, .platform-cards, .post-cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
	.post-card, .meter, .doc .part > h2::before, .doc .avatar, table.week-grid .dot, ul.chips li, .legend .key, table.week-grid td.on { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
	.post-card { box-shadow: none; }
	.doc-foot { margin-top: 1.5rem; }
}
/* == end of the document == */
