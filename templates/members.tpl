{{%AUTOESCAPE context="HTML"}}
<h1>[[Members]]</h1>
<p class="lead">[[Everyone listed here can read and edit the plan of {{ORG_NAME}}.]]</p>
{{#revoked}}<p class="saved" role="status">[[The invitation was cancelled.]]</p>{{/revoked}}
{{! The roles keep this a table for screen readers where a narrow screen shows each row as a block (static/style.css). }}
<table class="list" role="table">
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">[[Name]]</th><th scope="col" role="columnheader">[[E-mail address]]</th><th scope="col" role="columnheader">[[Role]]</th><th scope="col" role="columnheader">[[Member since]]</th></tr></thead>
<tbody role="rowgroup">
{{#member}}<tr role="row"><td role="cell" data-label="[[Name]]">{{NAME}}{{#you}} <span class="tag">[[you]]</span>{{/you}}</td><td role="cell" data-label="[[E-mail address]]">{{EMAIL}}</td><td role="cell" data-label="[[Role]]">{{ROLE}}</td><td role="cell" data-label="[[Member since]]">{{JOINED}}</td></tr>{{/member}}
</tbody>
</table>
{{#owner}}<section>
<h2>[[Invite someone from your team]]</h2>
{{#new_link}}<div class="new-link" role="status">
<p>[[Send this link to the person you want to invite. It works once, until {{EXPIRES}}. We show it only now: copy it before you leave this page.]]</p>
<p><label for="invite-link">[[Invitation link]]</label>
<input type="text" id="invite-link" readonly value="{{LINK}}"></p>
</div>{{/new_link}}
<form method="post" action="/o/{{ORG_ID}}/members/invite">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">[[Create an invitation link]]</button></p>
</form>
<h3>[[Pending invitations]]</h3>
{{#no_invites}}<p>[[None.]]</p>{{/no_invites}}
<ul class="invites">
{{#invite}}<li>[[Created by {{BY}} on {{CREATED}}, valid until {{EXPIRES}}]]
<form method="post" action="/o/{{ORG_ID}}/members/revoke" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="invite_id" value="{{ID}}">
<button type="submit" class="link">[[Cancel this invitation]]</button>
</form></li>{{/invite}}
</ul>
</section>{{/owner}}
