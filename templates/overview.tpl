{{%AUTOESCAPE context="HTML"}}
{{#member}}<h1>[[Our plan]]</h1>
<p class="lead">[[Work through the sections in order: each one builds on the one before. Everything is saved for the whole team, with its history.]]</p>{{/member}}
{{#trainer}}<h1>[[The plan of {{ORG_NAME}}]]</h1>
<p class="lead">[[You follow this plan as a trainer: you read every section, its history and the summary, and you comment on the sections. Only the group changes the plan.]]</p>{{/trainer}}
<div class="overall">
<p><strong>[[The plan is {{OVERALL}} % complete.]]</strong></p>
<progress max="100" value="{{OVERALL}}" aria-label="[[Completion of the plan]]">{{OVERALL}}&#160;%</progress>
</div>
{{#first_visit}}<section class="changes" aria-labelledby="changes-h">
<h2 id="changes-h">[[What changed since your last visit]]</h2>
<p class="first-visit">[[This is your first visit: the whole plan is new to you.]]</p>
</section>{{/first_visit}}
{{#since}}<section class="changes" aria-labelledby="changes-h">
<h2 id="changes-h">[[What changed since your last visit ({{SINCE_DATE}} at {{SINCE_TIME}})]]</h2>
{{#nothing}}<p>[[Nothing was saved since then.]]</p>{{/nothing}}
{{#change}}<article class="change" aria-labelledby="change-{{SLUG}}">
<h3 id="change-{{SLUG}}"><a href="/o/{{ORG_ID}}/{{SLUG}}">{{TITLE}}</a></h3>
<p class="stamp">[[Saved by {{BY}} on {{DATE}} at {{TIME}}]]{{#saves}} · [[{{SAVES}} saves since your visit]]{{/saves}}{{#new_section}} · [[saved for the first time]]{{/new_section}} · <a href="/o/{{ORG_ID}}/{{SLUG}}/history">[[History of this section]]</a></p>
{{#same}}<p>[[Saved again with the same answers.]]</p>{{/same}}
{{#diffs}}<ul class="diffs">
{{#diff}}<li class="diff">
<p class="diff-what">{{#field}}<strong>{{LABEL}}</strong>{{/field}}{{#item_field}}<strong>{{ITEM}}</strong> · {{LABEL}}{{/item_field}}{{#added}}<strong>[[Added: {{ITEM}}]]</strong>{{/added}}{{#removed}}<strong>[[Removed: {{ITEM}}]]</strong>{{/removed}}</p>
<div class="before-after">
{{#before}}<div class="before"><p class="ba">[[Before]]</p><div class="ba-text">{{BEFORE:pre_escape}}</div></div>{{/before}}{{#was_empty}}<div class="before"><p class="ba">[[Before]]</p><p class="ba-text empty">[[(empty)]]</p></div>{{/was_empty}}
{{#after}}<div class="after"><p class="ba">[[After]]</p><div class="ba-text">{{AFTER:pre_escape}}</div></div>{{/after}}{{#now_empty}}<div class="after"><p class="ba">[[After]]</p><p class="ba-text empty">[[(empty)]]</p></div>{{/now_empty}}
</div>
</li>
{{/diff}}</ul>{{/diffs}}
{{#more}}<p class="more">[[And {{MORE}} more differences: the history of the section shows every version.]]</p>{{/more}}
</article>
{{/change}}</section>{{/since}}
{{#conversations}}<section class="conversations" aria-labelledby="conv-h">
<h2 id="conv-h">{{#for_group}}[[Comments to answer]]{{/for_group}}{{#for_trainer}}[[Replies from the group]]{{/for_trainer}}</h2>
<p>[[Open conversations in this plan: {{OPEN_COUNT}}.]]</p>
{{#none_to_answer}}<p>{{#for_group}}[[Your trainer has not written anything new since your last answers.]]{{/for_group}}{{#for_trainer}}[[The group has not answered since your last comments.]]{{/for_trainer}}</p>{{/none_to_answer}}
{{#to_answer}}<ul class="to-answer">
{{#open_thread}}<li><a href="/o/{{ORG_ID}}/{{SLUG}}#c{{ID}}">{{SECTION}}</a> — [[{{AUTHOR}} wrote on {{DATE}}:]] <q>{{START}}</q></li>
{{/open_thread}}</ul>{{/to_answer}}
</section>{{/conversations}}
<ol class="sections">
{{#section}}<li class="section-card">
<h2><a href="/o/{{ORG_ID}}/{{SLUG}}"><span class="num">{{NUMBER}}.</span> {{TITLE}}</a></h2>
<p class="what">{{SUMMARY}}</p>
<p class="state">{{#empty}}<span class="tag todo">[[Not started]]</span>{{/empty}}{{#partial}}<span class="tag partial">[[In progress]]</span>{{/partial}}{{#complete}}<span class="tag done">[[Complete]]</span>{{/complete}}{{#optional}} <span class="tag">[[optional]]</span>{{/optional}}{{#open_comments}} <a class="tag comments" href="/o/{{ORG_ID}}/{{SLUG}}#comments">[[Open comments: {{OPEN}}]]</a>{{/open_comments}}
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
