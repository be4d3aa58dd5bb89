{{%AUTOESCAPE context="HTML"}}
<h1>[[Members]]</h1>
<p class="lead">[[Everyone listed here can read and edit the plan of {{ORG_NAME}}.]]</p>
{{#revoked}}<p class="saved" role="status">[[The invitation was cancelled.]]</p>{{/revoked}}
<table class="list">
<thead><tr><th scope="col">[[Name]]</th><th scope="col">[[E-mail address]]</th><th scope="col">[[Role]]</th><th scope="col">[[Member since]]</th></tr></thead>
<tbody>
{{#member}}<tr><td>{{NAME}}{{#you}} <span class="tag">[[you]]</span>{{/you}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{JOINED}}</td></tr>{{/member}}
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
