{{%AUTOESCAPE context="HTML"}}
<h1>[[Our plan]]</h1>
<p class="lead">[[Work through the sections in order: each one builds on the one before. Everything is saved for the whole team, with its history.]]</p>
<div class="overall">
<p><strong>[[The plan is {{OVERALL}} % complete.]]</strong></p>
<progress max="100" value="{{OVERALL}}" aria-label="[[Completion of the plan]]">{{OVERALL}}&#160;%</progress>
</div>
<ol class="sections">
{{#section}}<li class="section-card">
<h2><a href="/o/{{ORG_ID}}/{{SLUG}}"><span class="num">{{NUMBER}}.</span> {{TITLE}}</a></h2>
<p class="what">{{SUMMARY}}</p>
<p class="state">{{#empty}}<span class="tag todo">[[Not started]]</span>{{/empty}}{{#partial}}<span class="tag partial">[[In progress]]</span>{{/partial}}{{#complete}}<span class="tag done">[[Complete]]</span>{{/complete}}{{#optional}} <span class="tag">[[optional]]</span>{{/optional}}
<span class="count">{{PERCENT}}&#160;%</span></p>
<progress max="100" value="{{PERCENT}}" aria-label="{{TITLE}}">{{PERCENT}}&#160;%</progress>
{{#stamp}}<p class="stamp">[[Last saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
</li>{{/section}}
</ol>
{{#pitfalls}}<section class="pitfalls" aria-labelledby="pitfalls-title">
<h2 id="pitfalls-title">[[Pitfalls still open ({{PITFALL_COUNT}})]]</h2>
<p>[[These are classic mistakes that the plan shows today. Each links to the section where it is fixed.]]</p>
<ul>{{#pitfall}}<li><strong>{{PIT_TITLE}}</strong>{{#subject}} ({{SUBJECT}}){{/subject}}. {{PIT_TEXT}}{{#numbers}} [[Planned: {{PLANNED}} h a week; available: {{AVAILABLE}} h.]]{{/numbers}} <a href="/o/{{ORG_ID}}/{{PIT_SLUG}}">[[Go to “{{PIT_SECTION}}”]]</a></li>{{/pitfall}}</ul>
</section>{{/pitfalls}}
{{#no_pitfalls}}<p class="saved">[[No pitfall open for now.]]</p>{{/no_pitfalls}}
{{#budget}}<section class="overview-budget" aria-labelledby="budget-h"><h2 id="budget-h">[[Time budget]]</h2>{{>BUDGET}}</section>{{/budget}}
<p><a class="button" href="/o/{{ORG_ID}}/summary">[[Read the strategy summary]]</a></p>
<section aria-labelledby="files-h">
<h2 id="files-h">[[The plan as files]]</h2>
<ul class="downloads">
<li><a href="/o/{{ORG_ID}}/plan.json" download>[[The plan file (JSON)]]</a></li>
<li><a href="/o/{{ORG_ID}}/plan.ics" download>[[The calendar of the plan (iCalendar)]]</a></li>
{{#owner}}<li><a href="/o/{{ORG_ID}}/import">[[Export and import the plan]]</a></li>{{/owner}}
</ul>
</section>
