{{%AUTOESCAPE context="HTML"}}
<p class="kicker">[[Cohort settings]]</p>
<h1>{{NAME}}</h1>
<p class="cohort-facts">{{>DATES}} · <span class="tag">{{STATE}}</span></p>
<p class="actions"><a class="button" href="/c/{{COHORT_ID}}">[[Open the dashboard]]</a>
<a class="button secondary" href="/c/{{COHORT_ID}}/debrief">[[Debrief]]</a>
<a href="/cohorts">[[Back to my cohorts]]</a></p>
{{#created}}<p class="saved" role="status">[[Your cohort is ready. Give the groups the code below.]]</p>{{/created}}
{{#saved}}<p class="saved" role="status">[[The settings were saved.]]</p>{{/saved}}
{{#now_open}}<p class="saved" role="status">[[The cohort is open: groups can join it with the code.]]</p>{{/now_open}}
{{#now_closed}}<p class="saved" role="status">[[The cohort is closed: no new group can join it. You still follow the groups already in it.]]</p>{{/now_closed}}
{{#now_archived}}<p class="saved" role="status">[[The cohort is archived: it takes no new groups and is listed with your archived cohorts.]]</p>{{/now_archived}}
{{#added}}<p class="saved" role="status">[[{{ADDED}} is now a trainer of this cohort.]]</p>{{/added}}
{{#removed}}<p class="saved" role="status">[[The trainer was removed from this cohort.]]</p>{{/removed}}
{{#already}}<p class="saved" role="status">[[{{ALREADY}} is already a trainer of this cohort.]]</p>{{/already}}
{{#remove_error}}<div class="conflict" role="alert"><p>{{MESSAGE}}</p></div>{{/remove_error}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}

<section class="join-box" aria-labelledby="code-title">
<h2 id="code-title">[[Join code]]</h2>
<p class="join-code">{{CODE}}</p>
{{#taking}}<p>[[Read it aloud or show it on a slide: an owner of each group goes to {{JOIN_PAGE}} and types it. Capitals, spaces and the hyphen do not matter, and the code has no letter or digit that looks like another.]]</p>{{/taking}}
{{#not_taking}}<p class="warning">[[This cohort takes no new groups now: the code is refused until you open the cohort again.]]</p>{{/not_taking}}
<p><label for="join-link">[[Or send this link, by e-mail or in the chat of a video call:]]</label>
<input type="text" id="join-link" readonly value="{{JOIN_LINK}}"></p>
<p class="hint">[[Whoever opens the code or the link logs in first, sees your name and what you will see of their plan, and chooses to join. Groups in the cohort: {{ORGS}}.]]</p>
</section>

<section aria-labelledby="state-title">
<h2 id="state-title">[[Who can join]]</h2>
<p>[[Now:]] <strong>{{STATE}}</strong></p>
<dl class="states">
<dt>[[Open]]</dt>
<dd>[[Groups join with the code or the link.]]</dd>
<dt>[[Closed to new groups]]</dt>
<dd>[[The code is refused. You keep following the groups already in the cohort. Close it once every group of the workshop has joined.]]</dd>
<dt>[[Archived]]</dt>
<dd>[[Closed as well, and moved to your archived cohorts once the workshop or series is over. The groups that stay in it still let you read their plans; each one can leave at any time.]]</dd>
</dl>
<div class="state-buttons">
{{#to_open}}<form method="post" action="/c/{{COHORT_ID}}/state" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="open"><button type="submit">[[Open it to new groups]]</button></form>
{{/to_open}}{{#to_closed}}<form method="post" action="/c/{{COHORT_ID}}/state" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="closed"><button type="submit">[[Close it to new groups]]</button></form>
{{/to_closed}}{{#unarchive}}<form method="post" action="/c/{{COHORT_ID}}/state" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="closed"><button type="submit" class="secondary">[[Bring it back from the archive, closed]]</button></form>
{{/unarchive}}{{#to_archived}}<form method="post" action="/c/{{COHORT_ID}}/state" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="state" value="archived"><button type="submit" class="secondary">[[Archive it]]</button></form>
{{/to_archived}}</div>
</section>

<section aria-labelledby="settings-title">
<h2 id="settings-title">[[Name, dates and notes]]</h2>
<form method="post" action="/c/{{COHORT_ID}}/edit" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>COHORT_FIELDS}}
<p><button type="submit">[[Save the settings]]</button></p>
</form>
</section>

<section aria-labelledby="trainers-title">
<h2 id="trainers-title">[[Trainers]]</h2>
<p>[[Every trainer of the cohort reads the plans of its groups, comments on them, and manages these settings. The groups see their names.]]</p>
{{! The roles keep this a table for screen readers where a narrow screen shows each row as a block (static/style.css). }}
<table class="list" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Name]]</th><th scope="col" role="columnheader">[[E-mail address]]</th><th scope="col" role="columnheader">[[Trainer since]]</th><th scope="col" role="columnheader">[[Remove]]</th></tr></thead>
<tbody role="rowgroup">
{{#trainer}}<tr role="row"><td role="cell" data-label="[[Name]]">{{NAME}}{{#you}} <span class="tag">[[you]]</span>{{/you}}{{#inactive}} <span class="tag partial">[[no longer has the trainer role]]</span>{{/inactive}}</td><td role="cell" data-label="[[E-mail address]]">{{EMAIL}}</td><td role="cell" data-label="[[Trainer since]]">{{ADDED}}</td><td role="cell" data-label="[[Remove]]">{{#can_remove}}<form method="post" action="/c/{{COHORT_ID}}/trainers" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="remove"><input type="hidden" name="user" value="{{USER_ID}}"><button type="submit" class="link">{{#self}}[[Stop being a trainer of this cohort]]{{/self}}{{#other}}[[Remove {{NAME}}]]{{/other}}</button></form>{{/can_remove}}</td></tr>
{{/trainer}}</tbody>
</table>
<h3>[[Add a co-trainer]]</h3>
<form method="post" action="/c/{{COHORT_ID}}/trainers" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="add">
<div class="field">
<label for="f-email">[[E-mail address of the co-trainer]]</label>
<p class="hint" id="h-email">[[The address they log in with. They need an account on this site and the trainer role, which an administrator gives.]]</p>
{{#email_error}}<p class="error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
<input type="email" id="f-email" name="email" value="{{email}}" autocomplete="off" aria-describedby="h-email{{#email_error}} e-email{{/email_error}}"{{#email_error}} aria-invalid="true"{{/email_error}}>
</div>
<p><button type="submit">[[Add this co-trainer]]</button></p>
</form>
</section>

<section aria-labelledby="demo-title">
<h2 id="demo-title">[[Demonstration]]</h2>
<p>[[To show the workbook to the room before the groups start their own plans, add a plan filled in with the workbook's example. It appears on your dashboard marked as a demonstration, and the debrief leaves it out of its figures.]]</p>
<form method="post" action="/c/{{COHORT_ID}}/demo">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit" class="secondary">[[Add the example plan (a fictional housing committee) as a demonstration group]]</button></p>
</form>
</section>
