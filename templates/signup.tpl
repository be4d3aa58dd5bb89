{{%AUTOESCAPE context="HTML"}}
<h1>[[Create your workbook]]</h1>
<p class="lead">[[One account for your organisation to start; you can invite the rest of your team afterwards.]]</p>
{{#signed_in}}<div class="notice" role="status"><p>[[{{USER_NAME}} is already logged in in this browser.]] [[To start the workbook of another organisation, keep your account:]] <a href="/orgs/new">[[Start a new organisation]]</a></p><p>[[Creating an account below logs you out of this one in this browser.]]</p></div>{{/signed_in}}
{{#throttled}}<div class="error-summary" role="alert"><p>[[Too many workbooks have been created from this Internet connection in the last hour. To protect the site, please try again after {{RETRY_TIME}}. What you typed is kept below, except the password.]]</p></div>{{/throttled}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/signup" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{next}}">
<div class="field">
<label for="f-org_name">[[Name of the organisation]]</label>
{{#org_name_error}}<p class="error" id="e-org_name">{{MESSAGE}}</p>{{/org_name_error}}
<input type="text" id="f-org_name" name="org_name" value="{{org_name}}" maxlength="120" required autocomplete="organization"{{#org_name_error}} aria-invalid="true" aria-describedby="e-org_name"{{/org_name_error}}>
</div>
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
<p><button type="submit">[[Create our workbook]]</button></p>
</form>
<p>[[Already have an account?]] <a href="/login">[[Log in]]</a></p>
