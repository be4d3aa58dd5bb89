{{%AUTOESCAPE context="HTML"}}
<h1>[[Two-step verification]]</h1>
<p class="lead">[[Your password is right. To finish logging in, type the 6-digit code that your authenticator app shows now for this site.]]</p>
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/login/2fa" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{next}}">
<div class="field">
<label for="f-code">[[Code]]</label>
<p class="hint" id="h-code">[[No phone at hand? Type one of your recovery codes instead; each works once.]]</p>
{{#code_error}}<p class="error" id="e-code">{{MESSAGE}}</p>{{/code_error}}
<input type="text" id="f-code" name="code" maxlength="40" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" aria-describedby="h-code{{#code_error}} e-code{{/code_error}}"{{#code_error}} aria-invalid="true"{{/code_error}}>
</div>
<p><button type="submit">[[Log in]]</button></p>
</form>
<form method="post" action="/login/2fa">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit" class="link" name="cancel" value="1">[[Cancel and log in as someone else]]</button></p>
</form>
<p>[[Lost your phone and your recovery codes? An administrator of this site can turn two-factor authentication off for your account.]]</p>
