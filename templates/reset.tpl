{{%AUTOESCAPE context="HTML"}}
<h1>[[Choose a new password]]</h1>
<p class="lead">[[For the account of {{NAME}} ({{EMAIL}}). Once you save it, you are logged in here and logged out everywhere else.]]</p>
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/reset/{{TOKEN}}" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-password">[[New password]]</label>
<p class="hint" id="h-password">[[At least 8 characters. A short sentence that only you would think of works well.]]</p>
{{#password_error}}<p class="error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
<input type="password" id="f-password" name="password" minlength="8" required autocomplete="new-password" aria-describedby="h-password{{#password_error}} e-password{{/password_error}}"{{#password_error}} aria-invalid="true"{{/password_error}}>
</div>
<div class="field">
<label for="f-confirm">[[The same password again]]</label>
{{#confirm_error}}<p class="error" id="e-confirm">{{MESSAGE}}</p>{{/confirm_error}}
<input type="password" id="f-confirm" name="confirm" minlength="8" required autocomplete="new-password"{{#confirm_error}} aria-invalid="true" aria-describedby="e-confirm"{{/confirm_error}}>
</div>
<p><button type="submit">[[Save the new password]]</button></p>
</form>
