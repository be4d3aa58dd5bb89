{{%AUTOESCAPE context="HTML"}}
<h1>[[Set up two-factor authentication]]</h1>
{{#held}}<div class="notice" role="status"><p>[[This site asks its trainers and administrators to use two-factor authentication. Set it up to go on: it takes two minutes with a phone.]]</p></div>{{/held}}
<p class="lead">[[Two-factor authentication protects your account even if someone learns your password: logging in will also ask for a 6-digit code from an app on your phone (such as Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator).]]</p>
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<section class="totp-setup">
<h2>[[1. Add this site to your app]]</h2>
<p>[[In your app, choose to add an account, then scan this code.]]</p>
{{#qr}}<svg class="qr" viewBox="0 0 {{SIZE}} {{SIZE}}" width="240" height="240" role="img" aria-labelledby="qr-label" shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg"><title id="qr-label">[[QR code to scan with your authenticator app]]</title><rect width="{{SIZE}}" height="{{SIZE}}" fill="#fff"/><path fill="#000" d="{{PATH}}"/></svg>{{/qr}}
<p>[[Cannot scan it? Type this key in the app instead, as a time-based key:]]</p>
<p class="secret"><code id="totp-secret">{{SECRET}}</code></p>
<p class="hint">[[Account: {{EMAIL}}. Site: {{ISSUER}}.]]</p>
<h2>[[2. Confirm with a code]]</h2>
<form method="post" action="/account/2fa" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-password">[[Your password]]</label>
{{#password_error}}<p class="error" id="e-password">{{MESSAGE}}</p>{{/password_error}}
<input type="password" id="f-password" name="password" required autocomplete="current-password"{{#password_error}} aria-invalid="true" aria-describedby="e-password"{{/password_error}}>
</div>
<div class="field">
<label for="f-code">[[Code from the app]]</label>
<p class="hint" id="h-code">[[The 6 digits your app shows now for this site.]]</p>
{{#code_error}}<p class="error" id="e-code">{{MESSAGE}}</p>{{/code_error}}
<input type="text" id="f-code" name="code" inputmode="numeric" maxlength="40" required autocomplete="one-time-code" aria-describedby="h-code{{#code_error}} e-code{{/code_error}}"{{#code_error}} aria-invalid="true"{{/code_error}}>
</div>
<p><button type="submit">[[Turn on two-factor authentication]]</button></p>
</form>
</section>
{{#not_held}}<p><a href="/account">[[Back to my account]]</a></p>{{/not_held}}
