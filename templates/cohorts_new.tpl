{{%AUTOESCAPE context="HTML"}}
<h1>[[New cohort]]</h1>
<p class="lead">[[A cohort gathers the groups of one workshop or one series of meetings. Once it is created, you get a short join code to give them: an owner of each group types it, reads what you will see, and accepts. You then follow every plan of the cohort from one dashboard.]]</p>
<form method="post" action="/cohorts/new" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>COHORT_FIELDS}}
<p><button type="submit">[[Create the cohort]]</button></p>
</form>
<p><a href="/cohorts">[[Back to my cohorts]]</a></p>
