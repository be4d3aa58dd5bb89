{{%AUTOESCAPE context="HTML"}}
<h1>[[Log in]]</h1>
{{#signed_in}}<div class="notice" role="status"><p>[[{{USER_NAME}} is already logged in in this browser.]] <a href="/orgs">[[Go to your workbooks]]</a></p><p>[[Logging in below with another account logs you out of this one in this browser.]]</p></div>{{/signed_in}}
{{#message}}<div class="error-summary" role="alert"><p>{{MESSAGE}}</p></div>{{/message}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/login" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{next}}">
<div class="field">
<label for="f-email">[[E-mail address]]</label>
{{#email_error}}<p class="error" id="e-email">{{MESSAGE}}</p>{{/email_error}}
<input type="email" id="f-email" name="email" value="{{email}}" maxlength="254" required autocomplete="username"{{#email_error}} aria-invalid="true" aria-describedby="e-email"{{/email_error}}>
</div>
<div class="field">
<label for="f-password">[[Password]]</label>
{{#password_error}}<p class="error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
<input type="password" id="f-password" name="password" required autocomplete="current-password"{{#password_error}} aria-invalid="true" aria-describedby="e-password"{{/password_error}}>
</div>
<p><button type="submit">[[Log in]]</button></p>
</form>
<p>[[No account yet?]] <a href="/signup{{#signup_next}}?next={{NEXT_QS}}{{/signup_next}}">[[Create your organisation's workbook]]</a></p>
