{{%AUTOESCAPE context="HTML"}}
<article class="summary">
<header>
<p class="kicker">[[Social-media strategy]]</p>
<h1>{{ORG_NAME}}</h1>
<p class="date">[[As of {{TODAY}}]]</p>
</header>
{{#part}}<section class="part" id="part-{{SLUG}}">
<h2>{{PART_TITLE}}</h2>
{{#show}}{{>SHOW}}{{/show}}
{{#budget}}{{>BUDGET}}{{/budget}}
</section>{{/part}}
{{#pitfalls}}<section class="part pitfalls" id="part-pitfalls">
<h2>[[Pitfalls still open]]</h2>
<ul>{{#pitfall}}<li><strong>{{PIT_TITLE}}</strong>{{#subject}} ({{SUBJECT}}){{/subject}}. {{PIT_TEXT}}{{#numbers}} [[Planned: {{PLANNED}} h a week; available: {{AVAILABLE}} h.]]{{/numbers}}</li>{{/pitfall}}</ul>
</section>{{/pitfalls}}
</article>
