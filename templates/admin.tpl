{{%AUTOESCAPE context="HTML"}}
<h1>[[Administration]]</h1>
<p class="lead">[[The accounts and organisations of this site. Here you give the trainer and administrator roles, make password reset links and download backups. The plans themselves stay with their organisations.]]</p>
{{#changed}}<p class="saved" role="status">[[The roles of {{NAME}} were changed.]]</p>{{/changed}}
{{#problem}}<div class="error-summary" role="alert"><p>{{MESSAGE}}</p></div>{{/problem}}
<section class="admin">
<h2>[[Accounts]]</h2>
{{#no_users}}<p>[[None.]]</p>{{/no_users}}
{{#users}}{{! The roles keep this a table for screen readers where a narrow screen shows each row as a block (static/style.css). }}
<table class="list" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Name]]</th><th scope="col" role="columnheader">[[E-mail address]]</th><th scope="col" role="columnheader">[[Roles]]</th><th scope="col" role="columnheader">[[Two-factor authentication]]</th><th scope="col" role="columnheader">[[Organisations]]</th><th scope="col" role="columnheader">[[Created]]</th><th scope="col" role="columnheader">[[Last activity]]</th><th scope="col" role="columnheader">[[Actions]]</th></tr></thead>
<tbody role="rowgroup">
{{#user}}<tr role="row" id="u-{{ID}}"><td role="cell" data-label="[[Name]]">{{NAME}}{{#you}} <span class="tag">[[you]]</span>{{/you}}</td><td role="cell" data-label="[[E-mail address]]">{{EMAIL}}</td><td role="cell" data-label="[[Roles]]">{{#is_admin}}<span class="tag">[[Administrator]]</span> {{/is_admin}}{{#is_trainer}}<span class="tag">[[Trainer]]</span>{{/is_trainer}}{{#no_role}}[[None]]{{/no_role}}</td><td role="cell" data-label="[[Two-factor authentication]]">{{#totp_on}}[[Two-factor is on]]{{/totp_on}}{{#totp_off}}[[Two-factor is off]]{{/totp_off}}{{#totp_required}}[[Off: asked for at the next login]]{{/totp_required}}</td><td role="cell" data-label="[[Organisations]]">{{ORGS}}</td><td role="cell" data-label="[[Created]]">{{CREATED}}</td><td role="cell" data-label="[[Last activity]]">{{#seen}}[[{{SEEN_DATE}} at {{SEEN_TIME}}]]{{/seen}}{{#never_seen}}[[No open session]]{{/never_seen}}</td><td role="cell" data-label="[[Actions]]"><ul class="admin-actions">
<li><form method="post" action="/admin/users/{{ID}}/roles" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="role" value="trainer">
{{#is_trainer}}<input type="hidden" name="grant" value="0">
<button type="submit" class="link">[[Remove the trainer role]]<span class="visually-hidden">, {{NAME}}</span></button>{{/is_trainer}}{{#not_trainer}}<input type="hidden" name="grant" value="1">
<button type="submit" class="link">[[Make a trainer]]<span class="visually-hidden">, {{NAME}}</span></button>{{/not_trainer}}
</form></li>
<li><form method="post" action="/admin/users/{{ID}}/roles" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="role" value="admin">
{{#is_admin}}<input type="hidden" name="grant" value="0">
<button type="submit" class="link">[[Remove the administrator role]]<span class="visually-hidden">, {{NAME}}</span></button>{{/is_admin}}{{#not_admin}}<input type="hidden" name="grant" value="1">
<button type="submit" class="link">[[Make an administrator]]<span class="visually-hidden">, {{NAME}}</span></button>{{/not_admin}}
</form></li>
<li><form method="post" action="/admin/users/{{ID}}/reset" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link">[[Make a password reset link]]<span class="visually-hidden">, {{NAME}}</span></button>
</form></li>
</ul></td></tr>{{/user}}
</tbody>
</table>{{/users}}
<h2>[[Organisations]]</h2>
{{#no_orgs}}<p>[[None.]]</p>{{/no_orgs}}
{{#orgs}}<table class="list" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Name]]</th><th scope="col" role="columnheader">[[Members]]</th><th scope="col" role="columnheader">[[Cohorts]]</th><th scope="col" role="columnheader">[[Created]]</th><th scope="col" role="columnheader">[[Plan last saved]]</th></tr></thead>
<tbody role="rowgroup">
{{#org}}<tr role="row"><td role="cell" data-label="[[Name]]">{{NAME}}</td><td role="cell" data-label="[[Members]]">{{MEMBERS}}</td><td role="cell" data-label="[[Cohorts]]">{{COHORTS}}</td><td role="cell" data-label="[[Created]]">{{CREATED}}</td><td role="cell" data-label="[[Plan last saved]]">{{#saved}}{{SAVED}}{{/saved}}{{#never_saved}}[[Never]]{{/never_saved}}</td></tr>{{/org}}
</tbody>
</table>{{/orgs}}
<h2 id="two-factor">[[Two-factor authentication]]</h2>
{{#settings_saved}}<p class="saved" role="status">[[The setting was saved.]]</p>{{/settings_saved}}
{{#require_off}}<p>[[Trainers and administrators may use two-factor authentication, as anyone may; it is not required.]]</p>
<p>[[Trainers read the plans of every organisation of their cohorts, and administrators run the whole site: requiring a code from a phone at login protects those plans even when such a password is guessed or stolen. Once required, a trainer or administrator without it is sent to its set-up after logging in, and can use nothing else until it is on.]]</p>
<form method="post" action="/admin/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="require_2fa_staff" value="1">
<p><button type="submit">[[Require two-factor authentication of trainers and administrators]]</button></p>
</form>{{/require_off}}
{{#require_on}}<p>[[Trainers and administrators must use two-factor authentication: whoever holds either role without it is sent to its set-up after logging in.]]</p>
<form method="post" action="/admin/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="require_2fa_staff" value="0">
<p><button type="submit" class="secondary">[[Stop requiring it]]</button></p>
</form>{{/require_on}}
<h2>[[Backup]]</h2>
<p>[[A backup is a copy of the whole database, as it is at this moment: every account, organisation and plan. The site keeps working while it is made. Keep it as private as the site itself, since the plans are in it.]]</p>
<form method="post" action="/admin/backup">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">[[Download a backup]]</button></p>
</form>
</section>
