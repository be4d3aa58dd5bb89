{{%AUTOESCAPE context="HTML"}}
<section class="notice">
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">[[Back to the home page]]</a></p>
</section>
