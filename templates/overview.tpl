{{%AUTOESCAPE context="HTML"}}
<h1>[[Our plan]]</h1>
<p class="lead">[[Work through the sections in order: each one builds on the one before. Everything is saved for the whole team.]]</p>
<ol class="sections">
{{#section}}<li class="section-card">
<h2><a href="/o/{{ORG_ID}}/{{SLUG}}">{{TITLE}}</a></h2>
<p class="state">{{#empty}}<span class="tag todo">[[Not started]]</span>{{/empty}}{{#partial}}<span class="tag partial">[[In progress]]</span>{{/partial}}{{#complete}}<span class="tag done">[[Complete]]</span>{{/complete}}
<span class="count">[[Answered: {{FILLED}} of {{TOTAL}}]]</span></p>
<progress max="{{TOTAL}}" value="{{FILLED}}" aria-label="{{TITLE}}">{{PERCENT}} %</progress>
{{#stamp}}<p class="stamp">[[Last saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
</li>{{/section}}
</ol>
<p><a class="button" href="/o/{{ORG_ID}}/summary">[[Read the strategy summary]]</a></p>
