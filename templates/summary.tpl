{{%AUTOESCAPE context="HTML"}}
<article class="summary">
<header>
<p class="kicker">[[Social-media strategy]]</p>
<h1>{{ORG_NAME}}</h1>
<p class="date">[[As of {{TODAY}}]]</p>
</header>
<section>
<h2>[[Mission]]</h2>
<dl class="mission">
<dt>[[The mission of our organisation is to…]]</dt>
{{#mission}}<dd>{{TEXT}}</dd>{{/mission}}{{#mission_todo}}<dd class="todo">[[To complete]]</dd>{{/mission_todo}}
<dt>[[We do this through…]]</dt>
{{#means}}<dd>{{TEXT}}</dd>{{/means}}{{#means_todo}}<dd class="todo">[[To complete]]</dd>{{/means_todo}}
<dt>[[Our social-media strategy will support these objectives by…]]</dt>
{{#strategy}}<dd>{{TEXT}}</dd>{{/strategy}}{{#strategy_todo}}<dd class="todo">[[To complete]]</dd>{{/strategy_todo}}
</dl>
</section>
<section>
<h2>[[Objectives]]</h2>
{{#objectives_todo}}<p class="todo">[[To complete: no objective yet.]]</p>{{/objectives_todo}}
<ol class="objectives">
{{#objective}}<li>
<h3>{{TEXT}}</h3>
<dl>
{{#kind}}<dt>[[Kind]]</dt><dd>{{KIND}}</dd>{{/kind}}
{{#serves}}<dt>[[How it serves the mission]]</dt><dd>{{SERVES}}</dd>{{/serves}}
{{#indicator}}<dt>[[Indicator]]</dt><dd>{{INDICATOR}}</dd>{{/indicator}}
{{#target}}<dt>[[Target]]</dt><dd>{{TARGET}}</dd>{{/target}}
{{#due}}<dt>[[Date]]</dt><dd>{{DUE}}</dd>{{/due}}
</dl>
{{#measure_todo}}<p class="todo">[[To complete: an indicator and a target, so that you can tell whether it worked.]]</p>{{/measure_todo}}
</li>{{/objective}}
</ol>
</section>
</article>
