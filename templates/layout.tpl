{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#NOINDEX}}<meta name="robots" content="noindex">
{{/NOINDEX}}<title>{{TITLE}} · reseauter</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/charcount.js" defer></script>
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">[[Skip to content]]</a>
<header class="site">
<div class="bar">
<a class="brand" href="/">reseauter</a>
<nav class="account" aria-label="[[Account]]">
{{#USER}}{{#TRAINER}}<a href="/cohorts"{{#nav_cohorts}} aria-current="page"{{/nav_cohorts}}>[[My cohorts]]</a>
{{/TRAINER}}{{#ADMIN}}<a href="/admin"{{#nav_admin}} aria-current="page"{{/nav_admin}}>[[Administration]]</a>
{{/ADMIN}}<a href="/account"{{#nav_account}} aria-current="page"{{/nav_account}}>[[My account]]</a>
<span class="who">{{USER_NAME}}</span>
<form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">[[Log out]]</button></form>{{/USER}}
{{#ANONYMOUS}}<a href="/login">[[Log in]]</a>
<a href="/signup">[[Create an account]]</a>{{/ANONYMOUS}}
<form method="post" action="/lang" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="next" value="{{PATH}}"><button type="submit" class="link" name="lang" value="{{OTHER_LANG}}" lang="{{OTHER_LANG}}">{{OTHER_LANG_NAME}}</button></form>
</nav>
</div>
{{#ORG_NAV}}<nav class="plan" aria-label="[[Plan]]">
<span class="org-name">{{ORG_NAME}}</span>
<a href="/o/{{ORG_ID}}/"{{#nav_workbook}} aria-current="page"{{/nav_workbook}}>[[Workbook]]</a>
<a href="/o/{{ORG_ID}}/summary"{{#nav_summary}} aria-current="page"{{/nav_summary}}>[[Summary]]</a>
{{#MEMBER_NAV}}<a href="/o/{{ORG_ID}}/members"{{#nav_members}} aria-current="page"{{/nav_members}}>[[Members]]</a>
<a href="/o/{{ORG_ID}}/share"{{#nav_share}} aria-current="page"{{/nav_share}}>[[Share]]</a>
<a href="/o/{{ORG_ID}}/cohorts"{{#nav_cohorts}} aria-current="page"{{/nav_cohorts}}>[[Cohorts]]</a>{{/MEMBER_NAV}}
{{#TRAINER_NAV}}<span class="badge">[[Read only: you follow this plan as a trainer]]</span>{{/TRAINER_NAV}}
</nav>{{/ORG_NAV}}
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site">
<p>[[reseauter helps community groups build a social-media strategy that serves their mission.]]</p>
</footer>
</body>
</html>
