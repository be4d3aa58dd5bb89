{{%AUTOESCAPE context="HTML"}}
<h1>[[Join a cohort]]</h1>
<p class="lead">[[Your trainer gave you a code of 8 letters and digits, such as ABCD-EFGH. On the next page you will see the cohort, its trainers and what they will see of your plan, before anything happens.]]</p>
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/join" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-code">[[Join code]]</label>
<p class="hint" id="h-code">[[Capitals, spaces and the hyphen do not matter.]]</p>
{{#code_error}}<p class="error" id="e-code">{{MESSAGE}}</p>{{/code_error}}
<input type="text" id="f-code" name="code" value="{{code}}" maxlength="40" class="short code" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="h-code{{#code_error}} e-code{{/code_error}}"{{#code_error}} aria-invalid="true"{{/code_error}}>
</div>
<p><button type="submit">[[Continue]]</button></p>
</form>
