{{%AUTOESCAPE context="HTML"}}
<h1>[[Join {{INVITE_ORG}}]]</h1>
<p class="lead">[[{{INVITER}} invites you to work on the social-media plan of {{INVITE_ORG}}. This link is valid until {{EXPIRES}}.]]</p>
{{#already}}<p>[[You are already a member of this organisation.]] <a href="/o/{{INVITE_ORG_ID}}/">[[Go to the plan]]</a></p>{{/already}}
{{#join}}<form method="post" action="/invite/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">[[Join {{INVITE_ORG}}]]</button></p>
</form>{{/join}}
{{#account}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<h2>[[Create your account]]</h2>
<form method="post" action="/invite/{{TOKEN}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">[[Your name]]</label>
{{#name_error}}<p class="error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
<input type="text" id="f-name" name="name" value="{{name}}" maxlength="100" required autocomplete="name"{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
</div>
<div class="field">
<label for="f-email">[[E-mail address]]</label>
{{#email_error}}<p class="error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
<input type="email" id="f-email" name="email" value="{{email}}" maxlength="254" required autocomplete="email"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
</div>
<div class="field">
<label for="f-password">[[Password]]</label>
<p class="hint" id="h-password">[[At least 8 characters. A short sentence that only your team would think of works well.]]</p>
{{#password_error}}<p class="error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
<input type="password" id="f-password" name="password" minlength="8" required autocomplete="new-password" aria-describedby="h-password{{#password_error}} e-password{{/password_error}}"{{#password_error}} aria-invalid="true"{{/password_error}}>
</div>
<p><button type="submit">[[Join {{INVITE_ORG}}]]</button></p>
</form>
<p>[[Already have an account?]] <a href="/login?next=/invite/{{TOKEN}}">[[Log in first]]</a></p>
{{/account}}
