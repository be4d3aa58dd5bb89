{{%AUTOESCAPE context="HTML"}}
<h1>[[Objectives]]</h1>
<div class="guide">
<p>[[Choose at most three objectives, each tied to your mission. Fewer objectives that you can really follow beat a long list.]]</p>
<p>[[For each one, say how you will know it worked: an indicator you can count, a target and a date. If every objective is about raising money, ask what else social media could do for your cause: people rarely give to an organisation they have never heard from.]]</p>
</div>
{{#saved}}<p class="saved" role="status">[[Saved.]]</p>{{/saved}}
{{#conflict}}<div class="conflict" role="alert">
<h2>[[Someone else saved this section while you were writing]]</h2>
<p>[[{{CUR_BY}} saved a newer version. Nothing was overwritten: your text is still in the form below. Compare it with theirs, combine what you want to keep, then save again.]]</p>
<ol>{{#cur_objective}}<li>{{TEXT}}</li>{{/cur_objective}}</ol>
</div>{{/conflict}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/o/{{ORG_ID}}/objectives" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{version}}">
{{#objective}}<fieldset class="block">
<legend>[[Objective {{N}}]]</legend>
<div class="field">
<label for="f-objective_text-{{N}}">[[Objective]]</label>
<p class="hint" id="h-objective_text-{{N}}">[[For example: recruit ten new volunteers for our autumn tenant clinics.]]</p>
{{#objective_text_error}}<p class="error" id="e-objective_text-{{N}}">{{MESSAGE}}</p>{{/objective_text_error}}
<textarea id="f-objective_text-{{N}}" name="objective_text" rows="2" maxlength="500" aria-describedby="h-objective_text-{{N}}{{#objective_text_error}} e-objective_text-{{N}}{{/objective_text_error}}"{{#objective_text_error}} aria-invalid="true"{{/objective_text_error}}>{{objective_text}}</textarea>
</div>
<div class="field">
<label for="f-objective_kind-{{N}}">[[Kind of objective]]</label>
{{#objective_kind_error}}<p class="error" id="e-objective_kind-{{N}}">{{MESSAGE}}</p>{{/objective_kind_error}}
<select id="f-objective_kind-{{N}}" name="objective_kind"{{#objective_kind_error}} aria-invalid="true" aria-describedby="e-objective_kind-{{N}}"{{/objective_kind_error}}>
<option value="">[[Choose…]]</option>
{{#kind_option}}<option value="{{KEY}}"{{#selected}} selected{{/selected}}>{{LABEL}}</option>{{/kind_option}}
</select>
</div>
<div class="field">
<label for="f-objective_serves-{{N}}">[[How it serves the mission]]</label>
{{#objective_serves_error}}<p class="error" id="e-objective_serves-{{N}}">{{MESSAGE}}</p>{{/objective_serves_error}}
<textarea id="f-objective_serves-{{N}}" name="objective_serves" rows="2" maxlength="1000"{{#objective_serves_error}} aria-invalid="true" aria-describedby="e-objective_serves-{{N}}"{{/objective_serves_error}}>{{objective_serves}}</textarea>
</div>
<div class="field">
<label for="f-objective_indicator-{{N}}">[[Indicator]]</label>
<p class="hint" id="h-objective_indicator-{{N}}">[[What you will count, e.g. volunteers who signed up after seeing a post.]]</p>
{{#objective_indicator_error}}<p class="error" id="e-objective_indicator-{{N}}">{{MESSAGE}}</p>{{/objective_indicator_error}}
<input type="text" id="f-objective_indicator-{{N}}" name="objective_indicator" value="{{objective_indicator}}" maxlength="300" aria-describedby="h-objective_indicator-{{N}}{{#objective_indicator_error}} e-objective_indicator-{{N}}{{/objective_indicator_error}}"{{#objective_indicator_error}} aria-invalid="true"{{/objective_indicator_error}}>
</div>
<div class="row">
<div class="field">
<label for="f-objective_target-{{N}}">[[Target]]</label>
<p class="hint" id="h-objective_target-{{N}}">[[A number to reach, e.g. 10.]]</p>
{{#objective_target_error}}<p class="error" id="e-objective_target-{{N}}">{{MESSAGE}}</p>{{/objective_target_error}}
<input type="text" id="f-objective_target-{{N}}" name="objective_target" value="{{objective_target}}" maxlength="200" aria-describedby="h-objective_target-{{N}}{{#objective_target_error}} e-objective_target-{{N}}{{/objective_target_error}}"{{#objective_target_error}} aria-invalid="true"{{/objective_target_error}}>
</div>
<div class="field">
<label for="f-objective_due-{{N}}">[[Date]]</label>
<p class="hint" id="h-objective_due-{{N}}">[[When you will check, as YYYY-MM-DD.]]</p>
{{#objective_due_error}}<p class="error" id="e-objective_due-{{N}}">{{MESSAGE}}</p>{{/objective_due_error}}
<input type="date" id="f-objective_due-{{N}}" name="objective_due" value="{{objective_due}}" aria-describedby="h-objective_due-{{N}}{{#objective_due_error}} e-objective_due-{{N}}{{/objective_due_error}}"{{#objective_due_error}} aria-invalid="true"{{/objective_due_error}}>
</div>
</div>
</fieldset>{{/objective}}
<p><button type="submit">[[Save]]</button></p>
{{#stamp}}<p class="stamp">[[Last saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
</form>
<p class="next"><a href="/o/{{ORG_ID}}/summary">[[Next: read the summary]]</a></p>
