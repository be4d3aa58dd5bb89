{{%AUTOESCAPE context="HTML"}}
<h1>[[Password reset link]]</h1>
<div class="new-link" role="status">
<p>[[With this link, {{NAME}} ({{EMAIL}}) can choose a new password. It works once, until {{EXPIRES_DATE}} at {{EXPIRES_TIME}}. We show it only now: copy it before you leave this page.]]</p>
<p><label for="reset-link">[[Password reset link]]</label>
<input type="text" id="reset-link" readonly value="{{LINK}}"></p>
</div>
<p>[[Give it to this person privately: in person, by telephone or in a message only they read. Whoever has the link can choose the password of the account. Using it logs the account out everywhere, and any earlier link for this account no longer works.]]</p>
<p><a href="/admin">[[Back to the administration]]</a></p>
