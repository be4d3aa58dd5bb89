{{%AUTOESCAPE context="HTML"}}
<section class="trainer-sees" aria-labelledby="sees-title">
<h2 id="sees-title">[[What the trainers will see and do]]</h2>
<p>[[The trainers of a cohort can:]]</p>
<ul>
<li>[[read every section of your plan, the account registry included, its summary, and the history of its changes with the names of who made them;]]</li>
<li>[[download the plan (PDF, Markdown, web page, plan file and calendar);]]</li>
<li>[[write comments on the sections, which your members see and can answer.]]</li>
</ul>
<p>[[They cannot:]]</p>
<ul>
<li>[[change anything in the plan;]]</li>
<li>[[see your members' e-mail addresses, your invitations or your share links.]]</li>
</ul>
<p>[[Your organisation can leave the cohort at any time, and its trainers then lose access at once. Only an owner of the organisation can join a cohort or leave it.]]</p>
</section>
