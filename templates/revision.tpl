{{%AUTOESCAPE context="HTML"}}
<p class="kicker"><a href="/o/{{ORG_ID}}/{{SLUG}}/history">[[History of “{{TITLE}}”]]</a></p>
<h1>[[“{{TITLE}}”, version {{VERSION}}]]</h1>
{{#stamp}}<p class="stamp">[[Saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
{{#is_current}}<p class="saved">[[This is the current version.]]</p>{{/is_current}}
{{#can_restore}}<form method="post" action="/o/{{ORG_ID}}/{{SLUG}}/restore" class="restore">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="base_version" value="{{BASE_VERSION}}">
<p><button type="submit">[[Restore this version]]</button> [[The current version stays in the history.]]</p>
</form>{{/can_restore}}
<div class="sheet-read">
{{#show}}{{>SHOW}}{{/show}}
</div>
