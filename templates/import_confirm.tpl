{{%AUTOESCAPE context="HTML"}}
<h1>[[Replace the plan with this file?]]</h1>
<div class="notice">
<p><strong>[[If you confirm, the current plan of {{ORG_NAME}} will be replaced by the plan in this file, in every section.]]</strong></p>
<p>[[Nothing is lost: each section keeps its previous version in its history, where you can read it and restore it.]]</p>
</div>
<dl class="facts">
<dt>[[File]]</dt><dd>{{FILENAME}}</dd>
{{#file_org}}<dt>[[Organisation named in the file]]</dt><dd>{{FILE_ORG}}</dd>{{/file_org}}
<dt>[[The plan in the file]]</dt><dd>[[{{FILE_PERCENT}} % complete]]</dd>
<dt>[[The current plan]]</dt><dd>[[{{CURRENT_PERCENT}} % complete]]</dd>
</dl>
<form method="post" action="/o/{{ORG_ID}}/import/confirm" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="plan" value="{{PLAN:pre_escape}}">
<p class="actions"><button type="submit">[[Replace the plan]]</button>
<a href="/o/{{ORG_ID}}/import">[[Cancel: keep the current plan]]</a></p>
</form>
