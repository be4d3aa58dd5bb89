{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
{{! The standalone summary.html: one file, its stylesheet inside, to read
    offline, print or send.  Its body is summary.tpl, filled by
    summary_fill_download(); its style summary_style.tpl. }}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reseauter">
<title>{{ORG_NAME}} · [[Social-media strategy]]</title>
<style>
{{>STYLE}}
</style>
</head>
<body>
<main>
{{>SUMMARY}}
</main>
</body>
</html>
