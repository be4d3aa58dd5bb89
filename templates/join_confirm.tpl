{{%AUTOESCAPE context="HTML"}}
<p class="kicker">[[Join a cohort]]</p>
<h1>{{NAME}}</h1>
<dl class="facts">
<dt>[[Dates]]</dt>
<dd>{{>DATES}}</dd>
<dt>[[Trainers]]</dt>
<dd>{{TRAINERS}}</dd>
</dl>
{{>TRAINER_SEES}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/join" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="code" value="{{CODE}}">
<input type="hidden" name="confirm" value="1">
<div class="field">
<label for="f-org">[[Organisation that joins]]</label>
<p class="hint" id="h-org">[[Only the organisations you own are listed.]]</p>
{{#org_error}}<p class="error" id="e-org">{{MESSAGE}}</p>{{/org_error}}
<select id="f-org" name="org" aria-describedby="h-org{{#org_error}} e-org{{/org_error}}"{{#org_error}} aria-invalid="true"{{/org_error}}>
{{#org}}<option value="{{ID}}"{{#selected}} selected{{/selected}}>{{ORG}}</option>
{{/org}}</select>
</div>
<p><button type="submit">[[Join, and let these trainers read our plan]]</button> <a href="/orgs">[[Not now]]</a></p>
</form>
