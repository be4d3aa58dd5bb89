{{%AUTOESCAPE context="HTML"}}
<section class="hero">
<h1>[[A social-media strategy that serves your mission]]</h1>
<p class="lead">[[reseauter is a workbook that your group fills in together, right in the browser. Step by step, it helps you decide why you are on social media, for whom, on which platforms and with how much time. Your answers become a strategy summary you can hand to your board.]]</p>
<p class="actions"><a class="button" href="/signup">[[Start our workbook]]</a> <a class="button secondary" href="/login">[[Log in]]</a></p>
</section>
<section class="features">
<h2>[[What you will work out together]]</h2>
<ul>
<li><strong>[[Your mission and up to three objectives]]</strong> [[that say what social media should change for your cause, with a way to measure it.]]</li>
<li><strong>[[Your story and your tone]]</strong> [[so that every post sounds like your organisation.]]</li>
<li><strong>[[The people you want to reach]]</strong> [[described as personas, and the platforms where they really are.]]</li>
<li><strong>[[The time it really takes]]</strong> [[for each platform, compared with the hours your team can give.]]</li>
<li><strong>[[Who does what]]</strong> [[how you listen and answer, and how you will know it worked.]]</li>
</ul>
<p>[[Why bother? Being everywhere at once wears a small team out and serves nobody. A plan that fits your mission and your hours lets you do less, better.]]</p>
</section>
