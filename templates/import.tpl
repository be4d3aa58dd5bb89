{{%AUTOESCAPE context="HTML"}}
<h1>[[Export and import the plan]]</h1>
{{#imported}}<div class="saved" role="status">
<p>[[The plan was replaced by the file. Each section kept its previous version in its history.]]</p>
<p><a href="/o/{{ORG_ID}}/">[[Go to the plan]]</a></p>
</div>{{/imported}}
<section aria-labelledby="export-h">
<h2 id="export-h">[[Download the plan]]</h2>
<p>[[The plan file keeps every answer of the workbook in one file (JSON). Keep it as a copy, move the plan to another organisation, or start a new one from it. It holds neither the history nor the members.]]</p>
<ul class="downloads">
<li><a href="/o/{{ORG_ID}}/plan.json" download>[[The plan file (JSON)]]</a></li>
<li><a href="/o/{{ORG_ID}}/plan.ics" download>[[The calendar of the plan (iCalendar)]]</a>: [[the dates of the objectives, of the reviews and of the events, and the weekly posting rhythm, for your shared calendar.]]</li>
</ul>
</section>
<section aria-labelledby="import-h">
<h2 id="import-h">[[Replace the plan with a file]]</h2>
<p>[[Choose a plan file downloaded from reseauter. You will see what it holds and confirm before anything changes.]]</p>
{{#import_error}}<div class="error-summary" role="alert">
<h3>[[The file was not imported]]</h3>
<p>{{MESSAGE}}</p>
{{#detail}}<p>[[Technical detail:]] <code lang="en">{{DETAIL}}</code></p>{{/detail}}
</div>{{/import_error}}
<form method="post" action="/o/{{ORG_ID}}/import" enctype="multipart/form-data" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-file">[[Plan file]]</label>
<p class="hint" id="h-file">[[A .json file of 1 MiB at most.]]</p>
<input type="file" id="f-file" name="file" accept=".json,application/json" required aria-describedby="h-file">
</div>
<p><button type="submit">[[Read the file]]</button></p>
</form>
<p>[[To create another organisation from a plan file, rather than replace this plan:]] <a href="/orgs/new">[[Start a new organisation]]</a></p>
</section>
