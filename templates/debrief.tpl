{{%AUTOESCAPE context="HTML"}}
<div class="debrief">
<p class="kicker">[[Cohort debrief]]</p>
<h1>{{COHORT_NAME}}</h1>
<p class="lead">[[Groups counted: {{GROUPS}}.]]{{#demo_left_out}} [[The demonstration plan is left out.]]{{/demo_left_out}}</p>
<p class="date">[[Made on {{TODAY}}]]</p>
<p class="noprint"><a href="/c/{{COHORT_ID}}">[[Back to the dashboard]]</a> · [[To print this page or save it as PDF, use your browser’s Print command.]]</p>
{{#empty}}<p class="notice">[[No group of this cohort can be counted yet. Once groups have joined and started their plan, their figures appear here.]]</p>{{/empty}}
{{#figures}}<section class="debrief-block" aria-labelledby="db-platforms">
<h2 id="db-platforms">[[Platforms chosen]]</h2>
{{#no_platforms}}<p>[[No group has chosen a platform yet.]]</p>{{/no_platforms}}
{{#platforms}}<figure class="debrief-chart">
<svg viewBox="0 0 {{VIEW_W}} {{VIEW_H}}" role="img" aria-labelledby="db-pf-title" class="debrief-bars">
<title id="db-pf-title">[[Groups per platform, most chosen first]]</title>
{{#bar}}<g transform="translate(0 {{Y}})">
<text x="0" y="19" class="lbl">{{NAME}}</text>
<rect x="{{X0}}" y="6" width="{{W}}" height="16" class="bar"></rect>
<text x="{{TX}}" y="19" class="val">{{COUNT}}</text>
</g>
{{/bar}}</svg>
</figure>
<table class="debrief-table">
<caption>[[Groups per platform]]</caption>
<thead><tr><th scope="col">[[Platform]]</th><th scope="col">[[Groups]]</th><th scope="col">[[Share of the groups]]</th></tr></thead>
<tbody>{{#bar}}<tr><th scope="row">{{NAME}}</th><td>{{COUNT}}</td><td>{{SHARE}}&#160;%</td></tr>{{/bar}}</tbody>
</table>{{/platforms}}
</section>
<section class="debrief-block" aria-labelledby="db-hours">
<h2 id="db-hours">[[Hours planned against hours available]]</h2>
<table class="debrief-table">
<caption>[[Groups by the hours a week they plan, against the hours their team can give]]</caption>
<thead><tr><th scope="col">[[Hours planned]]</th><th scope="col">[[Groups]]</th><th scope="col">[[Share of the groups]]</th></tr></thead>
<tbody>
{{#h_within}}<tr><th scope="row">[[Within the hours available]]</th><td>{{N}}</td><td>{{SHARE}}&#160;%</td></tr>{{/h_within}}
{{#h_over25}}<tr><th scope="row">[[Up to 25 % over]]</th><td>{{N}}</td><td>{{SHARE}}&#160;%</td></tr>{{/h_over25}}
{{#h_overmore}}<tr><th scope="row">[[More than 25 % over]]</th><td>{{N}}</td><td>{{SHARE}}&#160;%</td></tr>{{/h_overmore}}
{{#h_unknown}}<tr><th scope="row">[[Hours available not stated]]</th><td>{{N}}</td><td>{{SHARE}}&#160;%</td></tr>{{/h_unknown}}
</tbody>
</table>
{{#median_planned}}<p>[[Median of the hours planned: {{HOURS}} h a week (groups that chose a platform: {{N}}).]]</p>{{/median_planned}}
{{#median_available}}<p>[[Median of the hours available: {{HOURS}} h a week (groups that stated them: {{N}}).]]</p>{{/median_available}}
</section>
<section class="debrief-block" aria-labelledby="db-pitfalls">
<h2 id="db-pitfalls">[[Most frequent pitfalls]]</h2>
{{#no_pitfalls}}<p>[[No pitfall is open in any plan.]]</p>{{/no_pitfalls}}
{{#pitfalls}}<ol class="debrief-pitfalls">
{{#pitfall}}<li><p><strong>{{TITLE}}</strong> &#8212; [[plans where it is open: {{PLANS}} of {{GROUPS}}]]</p>
<p class="hint">{{TEXT}}</p></li>
{{/pitfall}}</ol>{{/pitfalls}}
</section>
<section class="debrief-block" aria-labelledby="db-kinds">
<h2 id="db-kinds">[[Kinds of objectives]]</h2>
{{#no_objectives}}<p>[[No group has written an objective yet.]]</p>{{/no_objectives}}
{{#kinds}}<table class="debrief-table">
<caption>[[Objectives by kind ({{TOTAL}} in all)]]</caption>
<thead><tr><th scope="col">[[Kind of objective]]</th><th scope="col">[[Objectives]]</th></tr></thead>
<tbody>{{#kind}}<tr><th scope="row">{{LABEL}}</th><td>{{COUNT}}</td></tr>{{/kind}}
{{#unset}}<tr><th scope="row">[[No kind chosen]]</th><td>{{COUNT}}</td></tr>{{/unset}}</tbody>
</table>{{/kinds}}
</section>
{{/figures}}
</div>
