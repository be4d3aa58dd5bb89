{{%AUTOESCAPE context="HTML"}}
<figure class="budget">
<figcaption>[[Time budget, in hours a week]]</figcaption>
<svg viewBox="0 0 {{VIEW_W}} {{VIEW_H}}" role="img" aria-labelledby="budget-title budget-desc" class="budget-chart">
<title id="budget-title">[[Time budget]]</title>
<desc id="budget-desc">[[Planned: {{PLANNED}} h a week.]]{{#avail}} [[Available: {{AVAILABLE}} h a week.]]{{/avail}}</desc>
{{#row}}<g transform="translate(0 {{Y}})">
<text x="0" y="21" class="lbl">{{NAME}}</text>
{{#ref}}<rect x="{{REF_X}}" y="4" width="{{REF_W}}" height="24" class="ref"></rect>{{/ref}}
<rect x="{{X0}}" y="10" width="{{BAR_W}}" height="12" class="bar"></rect>
<text x="{{TX}}" y="21" class="val">{{HOURS}} h</text>
</g>
{{/row}}<g transform="translate(0 {{TOTAL_Y}})">
<text x="0" y="21" class="lbl total">[[Total]]</text>
<rect x="{{X0}}" y="8" width="{{TOTAL_W}}" height="16" class="bar total{{#over}} over{{/over}}"></rect>
<text x="{{TOTAL_TX}}" y="21" class="val">{{PLANNED}} h</text>
{{#avail}}<line x1="{{AV_X}}" x2="{{AV_X}}" y1="2" y2="30" class="avail"></line>{{/avail}}
</g>
</svg>
<p class="legend"><span class="key ref"></span> [[the time a platform usually takes]] <span class="key bar"></span> [[what you plan]]{{#avail}} <span class="key avail"></span> [[the hours your team can give]]{{/avail}}</p>
{{#over}}<p class="warn">[[You plan more hours than your team can give: {{PLANNED}} h against {{AVAILABLE}} h a week.]]</p>{{/over}}
{{#no_avail}}<p class="hint">[[Say in the starting point how many hours a week your team can really give, to compare.]]</p>{{/no_avail}}
<table class="budget-table">
<caption>[[Hours a week per platform]]</caption>
<thead><tr><th scope="col">[[Platform]]</th><th scope="col">[[Planned]]</th><th scope="col">[[Usually]]</th><th scope="col">[[Posts a week]]</th></tr></thead>
<tbody>{{#row}}<tr><th scope="row">{{NAME}}</th><td>{{HOURS}} h</td><td>{{USUAL}}</td><td>{{POSTS}}</td></tr>{{/row}}
<tr><th scope="row">[[Total]]</th><td>{{PLANNED}} h</td><td></td><td></td></tr></tbody>
</table>
</figure>
