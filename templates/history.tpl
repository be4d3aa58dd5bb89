{{%AUTOESCAPE context="HTML"}}
<p class="kicker"><a href="/o/{{ORG_ID}}/{{SLUG}}">{{TITLE}}</a></p>
<h1>[[History of “{{TITLE}}”]]</h1>
{{#member}}<p class="lead">[[Every save is kept. Open an earlier version to read it, and restore it if you need to: restoring saves it as a new version, so nothing is lost.]]</p>{{/member}}
{{#trainer}}<p class="lead">[[Every save of the group is kept. Open an earlier version to read it as it was.]]</p>{{/trainer}}
{{#none}}<p>[[This section has not been saved yet.]]</p>{{/none}}
<ol class="history" reversed>
{{#revision}}<li><a href="/o/{{ORG_ID}}/{{SLUG}}/history/{{VERSION}}">[[Version {{VERSION}}]]</a> · [[{{DATE}} at {{TIME}}, by {{AUTHOR}}]]{{#restored}} · [[restores version {{FROM}}]]{{/restored}}{{#current}} · <strong>[[current]]</strong>{{/current}}</li>
{{/revision}}</ol>
<p><a href="/o/{{ORG_ID}}/{{SLUG}}">[[Back to the section]]</a></p>
