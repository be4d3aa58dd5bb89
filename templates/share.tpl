{{%AUTOESCAPE context="HTML"}}
<h1>[[Share the plan]]</h1>
<p class="lead">[[A share link lets anyone who has it read the summary of {{ORG_NAME}} and download it, without an account. They cannot change anything, and they do not see who works on the plan.]]</p>
{{#revoked}}<p class="saved" role="status">[[The link was withdrawn: it no longer opens the plan.]]</p>{{/revoked}}
{{#new_link}}<div class="new-link" role="status">
<p>{{#until}}[[Send this link to the people who should read the plan. It works until {{EXPIRES}} included.]]{{/until}}{{#no_end}}[[Send this link to the people who should read the plan. It works until an owner withdraws it.]]{{/no_end}} [[We show it only now: copy it before you leave this page.]]</p>
<p><label for="share-link">[[Share link]]</label>
<input type="text" id="share-link" readonly value="{{LINK}}"></p>
</div>{{/new_link}}
<h2>[[Links that work now]]</h2>
{{#no_links}}<p>[[None.]]</p>{{/no_links}}
{{#links}}{{! The roles keep this a table for screen readers where a narrow screen shows each row as a block (static/style.css). }}
<table class="list" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Label]]</th><th scope="col" role="columnheader">[[Created]]</th><th scope="col" role="columnheader">[[Valid until]]</th><th scope="col" role="columnheader">[[Last opened]]</th>{{#owner}}<th scope="col" role="columnheader">[[Withdraw]]</th>{{/owner}}</tr></thead>
<tbody role="rowgroup">
{{#link}}<tr role="row"><td role="cell" data-label="[[Label]]">{{#has_label}}{{LABEL}}{{/has_label}}{{#no_label}}[[No label]]{{/no_label}}</td><td role="cell" data-label="[[Created]]">{{CREATED}}{{#by}} [[by {{BY}}]]{{/by}}</td><td role="cell" data-label="[[Valid until]]">{{#until}}{{EXPIRES}}{{/until}}{{#no_end}}[[Until withdrawn]]{{/no_end}}</td><td role="cell" data-label="[[Last opened]]">{{#seen}}[[{{SEEN_DATE}} at {{SEEN_TIME}}]]{{/seen}}{{#never_seen}}[[Not yet]]{{/never_seen}}</td>{{#can_revoke}}<td role="cell" data-label="[[Withdraw]]"><form method="post" action="/o/{{ORG_ID}}/share/revoke" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="link_id" value="{{ID}}">
<button type="submit" class="link">[[Withdraw this link]]</button>
</form></td>{{/can_revoke}}</tr>{{/link}}
</tbody>
</table>{{/links}}
<h2>[[Make a share link]]</h2>
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
<form method="post" action="/o/{{ORG_ID}}/share" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-label">[[Label (optional)]]</label>
<p class="hint" id="h-label">[[For your team only, to remember who has the link: “For the board”, “For the funder”.]]</p>
{{#label_error}}<p class="error" id="e-label">{{MESSAGE}}</p>{{/label_error}}
<input type="text" id="f-label" name="label" value="{{label}}" maxlength="100" aria-describedby="h-label{{#label_error}} e-label{{/label_error}}"{{#label_error}} aria-invalid="true"{{/label_error}}>
</div>
<div class="field">
<label for="f-expires">[[Valid until (optional)]]</label>
<p class="hint" id="h-expires">[[The link works through this day included. Leave it empty for a link that works until someone withdraws it.]]</p>
{{#expires_error}}<p class="error" id="e-expires">{{MESSAGE}}</p>{{/expires_error}}
<input type="date" id="f-expires" name="expires" value="{{expires}}" min="{{TODAY}}" aria-describedby="h-expires{{#expires_error}} e-expires{{/expires_error}}"{{#expires_error}} aria-invalid="true"{{/expires_error}}>
</div>
<p><button type="submit">[[Make a share link]]</button></p>
</form>
