{{%AUTOESCAPE context="HTML"}}
<h1>[[My account]]</h1>
<p class="lead">[[You log in as {{EMAIL}}.]]</p>
{{#done_name}}<p class="saved" role="status">[[Your name was saved.]]</p>{{/done_name}}
{{#done_password}}<p class="saved" role="status">[[Your new password was saved. Every other session of your account was ended; this one goes on.]]</p>{{/done_password}}
{{#done_2fa_off}}<p class="saved" role="status">[[Two-factor authentication is off. Logging in now asks for your password only.]]</p>{{/done_2fa_off}}
{{#done_session}}<p class="saved" role="status">[[The session was ended.]]</p>{{/done_session}}
{{#done_others}}<p class="saved" role="status">[[Every other session of your account was ended.]]</p>{{/done_others}}
{{#recovered}}<div class="notice" role="status"><p>[[You logged in with a recovery code, which now no longer works. Recovery codes left: {{CODES_LEFT}}.]]</p><p>[[If you lost your phone, turn two-factor authentication off below, then set it up again with your new phone.]]</p></div>{{/recovered}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<section class="account" aria-labelledby="h-name">
<h2 id="h-name">[[Name]]</h2>
<form method="post" action="/account" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">[[Your name]]</label>
<p class="hint" id="h-name-hint">[[Your team and the trainers see it next to what you write.]]</p>
{{#name_error}}<p class="error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
<input type="text" id="f-name" name="name" value="{{name}}" maxlength="100" required autocomplete="name" aria-describedby="h-name-hint{{#name_error}} e-name{{/name_error}}"{{#name_error}} aria-invalid="true"{{/name_error}}>
</div>
<p><button type="submit">[[Save my name]]</button></p>
</form>
</section>
<section class="account" aria-labelledby="h-password">
<h2 id="h-password">[[Password]]</h2>
<p>[[Changing your password ends every other session of your account: whoever knew the old one is logged out.]]</p>
<form method="post" action="/account/password" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-current">[[Current password]]</label>
{{#current_error}}<p class="error" id="e-current">{{MESSAGE}}</p>{{/current_error}}
<input type="password" id="f-current" name="current" required autocomplete="current-password"{{#current_error}} aria-invalid="true" aria-describedby="e-current"{{/current_error}}>
</div>
<div class="field">
<label for="f-password">[[New password]]</label>
<p class="hint" id="h-password-hint">[[At least 8 characters. A short sentence that only you would think of works well.]]</p>
{{#password_error}}<p class="error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
<input type="password" id="f-password" name="password" minlength="8" required autocomplete="new-password" aria-describedby="h-password-hint{{#password_error}} e-password{{/password_error}}"{{#password_error}} aria-invalid="true"{{/password_error}}>
</div>
<div class="field">
<label for="f-confirm">[[The same password again]]</label>
{{#confirm_error}}<p class="error" id="e-confirm">{{MESSAGE}}</p>{{/confirm_error}}
<input type="password" id="f-confirm" name="confirm" minlength="8" required autocomplete="new-password"{{#confirm_error}} aria-invalid="true" aria-describedby="e-confirm"{{/confirm_error}}>
</div>
<p><button type="submit">[[Change my password]]</button></p>
</form>
</section>
<section class="account" aria-labelledby="h-2fa" id="two-factor">
<h2 id="h-2fa">[[Two-factor authentication]]</h2>
{{#totp_off}}<p>[[Off. With it on, logging in also asks for a code from an app on your phone, so that your password alone is not enough.]]</p>
<p><a class="button" href="/account/2fa">[[Set up two-factor authentication]]</a></p>{{/totp_off}}
{{#totp_on}}<p>[[On since {{ENABLED}}. Recovery codes left: {{CODES_LEFT}}.]]</p>
{{#codes_low}}<p class="notice">[[You have few recovery codes left: make new ones.]]</p>{{/codes_low}}
<h3>[[New recovery codes]]</h3>
<p>[[Makes ten new codes and shows them once; the ones you had stop working.]]</p>
<form method="post" action="/account/2fa/codes" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-codes_password">[[Your password]]</label>
{{#codes_password_error}}<p class="error" id="e-codes_password">{{MESSAGE}}</p>{{/codes_password_error}}
<input type="password" id="f-codes_password" name="codes_password" required autocomplete="current-password"{{#codes_password_error}} aria-invalid="true" aria-describedby="e-codes_password"{{/codes_password_error}}>
</div>
<p><button type="submit">[[Make new recovery codes]]</button></p>
</form>
<h3>[[Turn it off]]</h3>
<form method="post" action="/account/2fa/off" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-off_password">[[Your password]]</label>
{{#off_password_error}}<p class="error" id="e-off_password">{{MESSAGE}}</p>{{/off_password_error}}
<input type="password" id="f-off_password" name="off_password" required autocomplete="current-password"{{#off_password_error}} aria-invalid="true" aria-describedby="e-off_password"{{/off_password_error}}>
</div>
<div class="field">
<label for="f-off_code">[[A code from the app, or a recovery code]]</label>
{{#off_code_error}}<p class="error" id="e-off_code">{{MESSAGE}}</p>{{/off_code_error}}
<input type="text" id="f-off_code" name="off_code" maxlength="40" required autocomplete="one-time-code"{{#off_code_error}} aria-invalid="true" aria-describedby="e-off_code"{{/off_code_error}}>
</div>
<p><button type="submit">[[Turn off two-factor authentication]]</button></p>
</form>{{/totp_on}}
</section>
<section class="account" aria-labelledby="h-sessions" id="sessions">
<h2 id="h-sessions">[[Where you are logged in]]</h2>
<p>[[Each browser where you logged in is a session. If you do not recognise one, end it and change your password.]]</p>
{{! The roles keep this a table for screen readers where a narrow screen shows each row as a block (static/style.css). }}
{{#sessions}}<table class="list" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Browser]]</th><th scope="col" role="columnheader">[[Address]]</th><th scope="col" role="columnheader">[[Logged in]]</th><th scope="col" role="columnheader">[[Last seen]]</th><th scope="col" role="columnheader">[[Actions]]</th></tr></thead>
<tbody role="rowgroup">
{{#session}}<tr role="row" id="s-{{ID}}"><td role="cell" data-label="[[Browser]]">{{#agent_both}}[[{{BROWSER}} on {{SYSTEM}}]]{{/agent_both}}{{#agent_browser}}{{BROWSER}}{{/agent_browser}}{{#agent_system}}[[A browser on {{SYSTEM}}]]{{/agent_system}}{{#agent_unknown}}[[Unknown browser]]{{/agent_unknown}}{{#current}} <span class="tag done">[[this session]]</span>{{/current}}{{#pending}} <span class="tag partial">[[password typed, code not yet]]</span>{{/pending}}</td><td role="cell" data-label="[[Address]]">{{#addr}}{{ADDR}}{{/addr}}{{#no_addr}}[[Unknown]]{{/no_addr}}</td><td role="cell" data-label="[[Logged in]]">[[{{CREATED_DATE}} at {{CREATED_TIME}}]]</td><td role="cell" data-label="[[Last seen]]">[[{{SEEN_DATE}} at {{SEEN_TIME}}]]</td><td role="cell" data-label="[[Actions]]"><form method="post" action="/account/sessions/{{ID}}/end" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="link">{{#current}}[[End this session (log out)]]{{/current}}{{#other}}[[End]]<span class="visually-hidden"> [[the session logged in on {{CREATED_DATE}} at {{CREATED_TIME}}]]</span>{{/other}}</button>
</form></td></tr>
{{/session}}</tbody>
</table>{{/sessions}}
{{#has_others}}<form method="post" action="/account/sessions/others">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">[[End all other sessions]]</button></p>
</form>{{/has_others}}
</section>
