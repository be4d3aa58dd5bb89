{{%AUTOESCAPE context="HTML"}}
{{#current}}<h1>[[My cohorts]]</h1>
<p class="lead">[[The workshops and series you run, with the groups that joined them. Open a cohort's dashboard to follow its plans; its settings hold the join code to give the groups.]]</p>
<p class="actions"><a class="button" href="/cohorts/new">[[New cohort]]</a></p>{{/current}}
{{#archived}}<h1>[[Archived cohorts]]</h1>
<p class="lead">[[Cohorts you archived: they take no new groups. You still read the plans of the groups that have not left them.]]</p>{{/archived}}
{{#left}}<p class="saved" role="status">[[You are no longer a trainer of that cohort.]]</p>{{/left}}
{{#no_current}}<p>[[You have no cohort yet. Create one for your next workshop: you will get a code to give the groups.]]</p>{{/no_current}}
{{#no_archived}}<p>[[No archived cohort.]]</p>{{/no_archived}}
{{#list}}{{! The roles keep this a table for screen readers where a narrow screen shows each row as a block (static/style.css). }}
<table class="list cohorts" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Cohort]]</th><th scope="col" role="columnheader">[[Dates]]</th><th scope="col" role="columnheader">[[Groups]]</th><th scope="col" role="columnheader">[[Join code]]</th><th scope="col" role="columnheader">[[State]]</th><th scope="col" role="columnheader">[[Settings]]</th></tr></thead>
<tbody role="rowgroup">
{{#cohort}}<tr role="row"><td role="cell" data-label="[[Cohort]]"><a href="/c/{{ID}}">{{NAME}}</a></td><td role="cell" data-label="[[Dates]]">{{>DATES}}</td><td role="cell" data-label="[[Groups]]">{{ORGS}}</td><td role="cell" data-label="[[Join code]]"><code class="code">{{CODE}}</code></td><td role="cell" data-label="[[State]]"><span class="tag{{#open}} done{{/open}}">{{STATE}}</span></td><td role="cell" data-label="[[Settings]]"><a href="/c/{{ID}}/edit" aria-label="[[Settings of the cohort “{{NAME}}”]]">[[Settings]]</a></td></tr>
{{/cohort}}</tbody>
</table>{{/list}}
{{#current}}<p><a href="/cohorts?archived=1">[[See the archived cohorts]]</a></p>{{/current}}
{{#archived}}<p><a href="/cohorts">[[Back to my current cohorts]]</a></p>{{/archived}}
