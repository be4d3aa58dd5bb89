{{%AUTOESCAPE context="HTML"}}
<h1>[[Cohorts]]</h1>
<p class="lead">[[When {{ORG_NAME}} joins the cohort of a trainer (a workshop or a series of meetings), its trainers follow your plan and comment on it, until you leave.]]</p>
{{#joined}}<p class="saved" role="status">[[{{ORG_NAME}} joined the cohort “{{COHORT}}”. Its trainers can now read your plan.]]</p>{{/joined}}
{{#already}}<p class="saved" role="status">[[{{ORG_NAME}} was already in the cohort “{{COHORT}}”: nothing changed.]]</p>{{/already}}
{{#left}}<p class="saved" role="status">[[{{ORG_NAME}} left the cohort. Its trainers can no longer read your plan.]]</p>{{/left}}
{{#none}}<p>[[{{ORG_NAME}} is in no cohort: no trainer reads your plan.]]</p>{{/none}}
{{#cohorts}}<ul class="cards cohorts-of-org">
{{#cohort}}<li>
<h2>{{NAME}}</h2>
<p>{{#trainers}}[[Trainers: {{TRAINERS}}]]{{/trainers}}{{#no_trainers}}[[No trainer of this cohort reads your plan at the moment.]]{{/no_trainers}} · [[in it since {{JOINED}}]]</p>
{{#can_leave}}<form method="post" action="/o/{{ORG_ID}}/cohorts/leave">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="cohort" value="{{ID}}">
<p class="hint">[[If you leave, its trainers no longer read your plan, from this very moment. Their comments stay in your plan. To come back, you will need the code again, while the cohort still takes new groups.]]</p>
<p><button type="submit" class="secondary">[[Leave this cohort]]</button></p>
</form>{{/can_leave}}
</li>
{{/cohort}}</ul>{{/cohorts}}
{{>TRAINER_SEES}}
{{#owner}}<section aria-labelledby="join-title">
<h2 id="join-title">[[Join a cohort]]</h2>
<form method="post" action="/join" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-code">[[Join code]]</label>
<p class="hint" id="h-code">[[The code your trainer gave you, such as ABCD-EFGH. You will see the cohort and its trainers before anything happens.]]</p>
<input type="text" id="f-code" name="code" maxlength="40" class="short code" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="h-code">
</div>
<p><button type="submit">[[Continue]]</button></p>
</form>
</section>{{/owner}}
{{#member}}<p>[[Only an owner of {{ORG_NAME}} can join a cohort or leave one. Ask {{OWNERS}}.]]</p>{{/member}}
