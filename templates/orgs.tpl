{{%AUTOESCAPE context="HTML"}}
<h1>[[Your organisations]]</h1>
<ul class="cards">
{{#org}}<li><a href="/o/{{ID}}/">{{NAME}}</a>{{#owner}} <span class="tag">[[Owner]]</span>{{/owner}}</li>{{/org}}
</ul>
{{#none}}<p>[[You are not a member of any organisation yet. Ask a member for an invitation link.]]</p>{{/none}}
<p><a class="button" href="/orgs/new">[[Start a new organisation]]</a></p>
