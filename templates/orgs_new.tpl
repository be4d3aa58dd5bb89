{{%AUTOESCAPE context="HTML"}}
<h1>[[Start a new organisation]]</h1>
<p class="lead">[[You will be its owner, and can invite your team afterwards. Start from an empty workbook, or from a plan file downloaded from reseauter.]]</p>
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/orgs/new" enctype="multipart/form-data" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-name">[[Name of the organisation]]</label>
{{#name_error}}<p class="error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
<input type="text" id="f-name" name="name" value="{{name}}" maxlength="120" required autocomplete="organization"{{#name_error}} aria-invalid="true" aria-describedby="e-name"{{/name_error}}>
</div>
<div class="field">
<label for="f-file">[[Plan file (optional)]]</label>
<p class="hint" id="h-file">[[A .json file downloaded from reseauter, of 1 MiB at most. Leave it empty to start from an empty workbook.]]</p>
{{#file_error}}<p class="error" id="e-file">{{MESSAGE}}</p>{{/file_error}}
{{#file_detail}}<p class="error">[[Technical detail:]] <code lang="en">{{DETAIL}}</code></p>{{/file_detail}}
<input type="file" id="f-file" name="file" accept=".json,application/json" aria-describedby="h-file{{#file_error}} e-file{{/file_error}}"{{#file_error}} aria-invalid="true"{{/file_error}}>
</div>
<p><button type="submit">[[Create the organisation]]</button></p>
</form>
<p><a href="/orgs">[[Back to your organisations]]</a></p>
