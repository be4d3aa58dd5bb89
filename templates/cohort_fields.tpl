{{%AUTOESCAPE context="HTML"}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<div class="field">
<label for="f-name">[[Name of the cohort]]</label>
<p class="hint" id="h-name">[[What the groups will recognise: “Workshop of March 14, Longueuil”, “Spring series 2026”.]]</p>
{{#name_error}}<p class="error" id="e-name">{{MESSAGE}}</p>{{/name_error}}
<input type="text" id="f-name" name="name" value="{{name}}" maxlength="{{NAME_MAX}}" required aria-describedby="h-name{{#name_error}} e-name{{/name_error}}"{{#name_error}} aria-invalid="true"{{/name_error}}>
</div>
<div class="row">
<div class="field">
<label for="f-starts_on">[[First day (optional)]]</label>
<p class="hint" id="h-starts_on">[[For a one-day workshop, the same day in both.]]</p>
{{#starts_on_error}}<p class="error" id="e-starts_on">{{MESSAGE}}</p>{{/starts_on_error}}
<input type="date" id="f-starts_on" name="starts_on" value="{{starts_on}}" class="short" aria-describedby="h-starts_on{{#starts_on_error}} e-starts_on{{/starts_on_error}}"{{#starts_on_error}} aria-invalid="true"{{/starts_on_error}}>
</div>
<div class="field">
<label for="f-ends_on">[[Last day (optional)]]</label>
<p class="hint" id="h-ends_on">[[For a series, the day of its last meeting.]]</p>
{{#ends_on_error}}<p class="error" id="e-ends_on">{{MESSAGE}}</p>{{/ends_on_error}}
<input type="date" id="f-ends_on" name="ends_on" value="{{ends_on}}" class="short" aria-describedby="h-ends_on{{#ends_on_error}} e-ends_on{{/ends_on_error}}"{{#ends_on_error}} aria-invalid="true"{{/ends_on_error}}>
</div>
</div>
<div class="field">
<label for="f-notes">[[Notes (optional)]]</label>
<p class="hint" id="h-notes">[[For you and your co-trainers only: the place, the funder, what to prepare. The groups never see them.]]</p>
{{#notes_error}}<p class="error" id="e-notes">{{MESSAGE}}</p>{{/notes_error}}
<textarea id="f-notes" name="notes" rows="4" maxlength="{{NOTES_MAX}}" aria-describedby="h-notes{{#notes_error}} e-notes{{/notes_error}}"{{#notes_error}} aria-invalid="true"{{/notes_error}}>{{notes:pre_escape}}</textarea>
</div>
