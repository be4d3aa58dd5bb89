{{%AUTOESCAPE context="HTML"}}
<h1>[[Mission]]</h1>
<div class="guide">
<p>[[Start from why your organisation exists, not from the platforms. A social-media presence is worth the effort only if it moves your mission forward; these three sentences are the yardstick for every choice that follows.]]</p>
<p>[[Write them as you would say them to a new volunteer: plain words, no jargon. One or two sentences each is enough.]]</p>
</div>
{{#saved}}<p class="saved" role="status">[[Saved.]]</p>{{/saved}}
{{#conflict}}<div class="conflict" role="alert">
<h2>[[Someone else saved this section while you were writing]]</h2>
<p>[[{{CUR_BY}} saved a newer version. Nothing was overwritten: your text is still in the form below. Compare it with theirs, combine what you want to keep, then save again.]]</p>
<dl>
<dt>[[The mission of our organisation is to…]]</dt><dd>{{CUR_MISSION}}</dd>
<dt>[[We do this through…]]</dt><dd>{{CUR_MEANS}}</dd>
<dt>[[Our social-media strategy will support these objectives by…]]</dt><dd>{{CUR_STRATEGY}}</dd>
</dl>
</div>{{/conflict}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/o/{{ORG_ID}}/mission" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{version}}">
<div class="field">
<label for="f-mission">[[The mission of our organisation is to…]]</label>
<p class="hint" id="h-mission">[[For example: defend the right to housing of the tenants of our neighbourhood.]]</p>
{{#mission_error}}<p class="error" id="e-mission">{{MESSAGE}}</p>{{/mission_error}}
<textarea id="f-mission" name="mission" rows="4" maxlength="4000" aria-describedby="h-mission{{#mission_error}} e-mission{{/mission_error}}"{{#mission_error}} aria-invalid="true"{{/mission_error}}>{{mission}}</textarea>
</div>
<div class="field">
<label for="f-means">[[We do this through…]]</label>
<p class="hint" id="h-means">[[Your main activities: services, campaigns, gatherings, support.]]</p>
{{#means_error}}<p class="error" id="e-means">{{MESSAGE}}</p>{{/means_error}}
<textarea id="f-means" name="means" rows="4" maxlength="4000" aria-describedby="h-means{{#means_error}} e-means{{/means_error}}"{{#means_error}} aria-invalid="true"{{/means_error}}>{{means}}</textarea>
</div>
<div class="field">
<label for="f-strategy">[[Our social-media strategy will support these objectives by…]]</label>
<p class="hint" id="h-strategy">[[What social media should add to what you already do: reaching people you miss today, keeping members informed, mobilising quickly.]]</p>
{{#strategy_error}}<p class="error" id="e-strategy">{{MESSAGE}}</p>{{/strategy_error}}
<textarea id="f-strategy" name="strategy" rows="4" maxlength="4000" aria-describedby="h-strategy{{#strategy_error}} e-strategy{{/strategy_error}}"{{#strategy_error}} aria-invalid="true"{{/strategy_error}}>{{strategy}}</textarea>
</div>
<p><button type="submit">[[Save]]</button></p>
{{#stamp}}<p class="stamp">[[Last saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
</form>
<p class="next"><a href="/o/{{ORG_ID}}/objectives">[[Next: objectives]]</a></p>
