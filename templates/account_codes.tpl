{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#just_on}}<p class="saved" role="status">[[From now on, logging in asks for your password and a code from your app. Your other sessions were ended.]]</p>{{/just_on}}
<section class="recovery-codes">
<h2>[[Your recovery codes]]</h2>
<p class="lead">[[If you lose your phone, each of these codes lets you log in once instead of a code from the app. We show them only now: print them, or write them down, and keep them somewhere safe, away from your phone.]]{{#renewed}} [[Any recovery codes you had before no longer work.]]{{/renewed}}</p>
{{#codes}}<ol class="codes">
{{#code}}<li><code>{{CODE}}</code></li>
{{/code}}</ol>{{/codes}}
</section>
<p><a href="/account">[[I have saved my recovery codes: back to my account]]</a></p>
