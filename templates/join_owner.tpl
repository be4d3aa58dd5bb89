{{%AUTOESCAPE context="HTML"}}
<section class="notice">
<h1>[[Only an owner can join a cohort]]</h1>
<p>[[Joining the cohort “{{NAME}}” lets its trainers read an organisation's plan, so only an owner of the organisation can accept it.]]</p>
{{#orgs}}<p>[[Ask an owner of your organisation to open the same code or link:]]</p>
<ul>
{{#org}}<li>[[{{ORG}}: ask {{OWNERS}}]]</li>
{{/org}}</ul>{{/orgs}}
{{#no_org}}<p>[[You are not in any organisation yet. Start one: you will be its owner. Then come back to the code.]]</p>
<p><a class="button" href="/orgs/new">[[Start a new organisation]]</a></p>{{/no_org}}
<p><a href="/join/{{CODE}}">[[Back to the code]]</a></p>
</section>
