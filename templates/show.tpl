{{%AUTOESCAPE context="HTML"}}
{{#empty}}<p class="todo">[[To complete]]</p>{{/empty}}
{{#fields}}<dl class="show">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>{{/fields}}
{{#list}}{{#item}}<div class="show-item">
<h3>{{ITEM_TITLE}}</h3>
<dl class="show">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>
</div>{{/item}}{{/list}}
