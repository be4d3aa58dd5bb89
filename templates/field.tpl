{{%AUTOESCAPE context="HTML"}}
<div class="field{{#invalid}} invalid{{/invalid}}">
{{#labelled}}<label for="{{ID}}">{{LABEL}}</label>
{{#hint}}<p class="hint" id="h-{{ID}}">{{HINT}}</p>{{/hint}}
{{#error}}<p class="error" id="e-{{ID}}">{{MESSAGE}}</p>{{/error}}{{/labelled}}
{{#w_line}}<input type="text" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#has_max}} maxlength="{{MAX}}"{{/has_max}}{{#described}} aria-describedby="{{DESCRIBEDBY}}"{{/described}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{/w_line}}
{{#w_text}}<textarea id="{{ID}}" name="{{NAME}}" rows="3"{{#has_max}} maxlength="{{MAX}}"{{/has_max}}{{#described}} aria-describedby="{{DESCRIBEDBY}}"{{/described}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{VALUE:pre_escape}}</textarea>{{/w_text}}
{{#w_counted}}<textarea id="{{ID}}" name="{{NAME}}" rows="4" data-count-platform="{{PLATFORM}}" data-count-max="{{MAX}}" aria-describedby="c-{{ID}}{{#described}} {{DESCRIBEDBY}}{{/described}}"{{#invalid}} aria-invalid="true"{{/invalid}}>{{VALUE:pre_escape}}</textarea>
<p class="counter{{#over}} over{{/over}}" id="c-{{ID}}" data-t-of="[[{n} of {max} characters]]" data-t-count="[[{n} characters]]" data-t-over="[[over the limit]]" data-t-tags="[[more than {max} hashtags]]" data-t-long="[[long for this platform: aim for two lines]]">{{#limit}}[[{{COUNT}} of {{LIMIT}} characters]]{{/limit}}{{#nolimit}}[[{{COUNT}} characters]]{{/nolimit}}{{#over}} · [[over the limit]]{{/over}}{{#hashtags_over}} · [[more than {{HASHTAG_LIMIT}} hashtags]]{{/hashtags_over}}{{#long_text}} · [[long for this platform: aim for two lines]]{{/long_text}}</p>{{/w_counted}}
{{#w_number}}<input type="text" inputmode="{{INPUTMODE}}" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}" size="6" class="short"{{#described}} aria-describedby="{{DESCRIBEDBY}}"{{/described}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{/w_number}}
{{#w_date}}<input type="date" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}" min="1900-01-01" max="2200-12-31" class="short"{{#described}} aria-describedby="{{DESCRIBEDBY}}"{{/described}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{/w_date}}
{{#w_select}}<select id="{{ID}}" name="{{NAME}}"{{#described}} aria-describedby="{{DESCRIBEDBY}}"{{/described}}{{#invalid}} aria-invalid="true"{{/invalid}}>
{{#blank}}<option value="">[[Choose…]]</option>{{/blank}}
{{#option}}<option value="{{VALUE}}"{{#selected}} selected{{/selected}}>{{LABEL}}</option>{{/option}}
</select>{{#none}}<p class="hint">[[Nothing to choose from yet: first fill in the section]] <a href="{{REF_HREF}}">{{REF_TITLE}}</a>.</p>{{/none}}{{/w_select}}
{{#w_group}}<fieldset class="choices" id="{{ID}}"{{#described}} aria-describedby="{{DESCRIBEDBY}}"{{/described}}>
<legend>{{LABEL}}</legend>
{{#hint}}<p class="hint" id="h-{{ID}}">{{HINT}}</p>{{/hint}}
{{#error}}<p class="error" id="e-{{ID}}">{{MESSAGE}}</p>{{/error}}
{{#scale}}<div class="scale"><span class="pole">{{LEFT}}</span>
{{#option}}<label class="scale-point"><input type="radio" name="{{NAME}}" value="{{VALUE}}"{{#checked}} checked{{/checked}}> {{VALUE}}</label>
{{/option}}<span class="pole">{{RIGHT}}</span></div>{{/scale}}
{{#checks}}<div class="checks">{{#option}}<label class="check"><input type="checkbox" name="{{NAME}}" value="{{VALUE}}"{{#checked}} checked{{/checked}}> {{LABEL}}</label>
{{/option}}</div>{{#none}}<p class="hint">[[Nothing to choose from yet: first fill in the section]] <a href="{{REF_HREF}}">{{REF_TITLE}}</a>.</p>{{/none}}{{/checks}}
</fieldset>{{/w_group}}
{{#w_checkbox}}<p class="check"><input type="checkbox" id="{{ID}}" name="{{NAME}}" value="1"{{#checked}} checked{{/checked}}> <label for="{{ID}}">{{LABEL}}</label></p>
{{#hint}}<p class="hint" id="h-{{ID}}">{{HINT}}</p>{{/hint}}
{{#error}}<p class="error" id="e-{{ID}}">{{MESSAGE}}</p>{{/error}}{{/w_checkbox}}
</div>
