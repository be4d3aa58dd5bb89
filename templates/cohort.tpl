{{%AUTOESCAPE context="HTML"}}
<div class="cohort-page">
<p class="kicker">[[Cohort]]</p>
<h1>{{COHORT_NAME}}</h1>
<ul class="cohort-facts">
{{#dates_both}}<li>[[From {{START}} to {{END}}]]</li>{{/dates_both}}{{#date_start}}<li>[[From {{START}}]]</li>{{/date_start}}{{#date_end}}<li>[[Until {{END}}]]</li>{{/date_end}}
<li>{{#state_open}}[[Open: groups can join with the code]]{{/state_open}}{{#state_closed}}[[Closed: no new group can join]]{{/state_closed}}{{#state_archived}}[[Archived]]{{/state_archived}}</li>
<li>[[Join code:]] <code class="join-code">{{CODE}}</code></li>
</ul>
<p class="dash-actions"><a href="/c/{{COHORT_ID}}/edit">[[Settings of the cohort]]</a> <a href="{{CSV_HREF}}" download>[[Download the table (CSV)]]</a> <a href="/c/{{COHORT_ID}}/debrief">[[Cohort debrief]]</a></p>
{{#empty}}<section class="dash-empty" aria-labelledby="empty-h">
<h2 id="empty-h">[[No group has joined this cohort yet]]</h2>
<p>[[Hand out this code to the groups of the workshop. An owner of each organisation types it on the page “Join a cohort”, reads what the trainers will see, and accepts.]]</p>
<p class="join-code big">{{CODE}}</p>
</section>{{/empty}}
{{#table}}<form method="get" action="/c/{{COHORT_ID}}" class="dash-filter">
<input type="hidden" name="sort" value="{{SORT}}">
<input type="hidden" name="dir" value="{{DIR}}">
<label for="only">[[Show only the groups that have not finished:]]</label>
<select id="only" name="only"><option value="">[[(every group)]]</option>{{#only_option}}<option value="{{SLUG}}"{{#selected}} selected{{/selected}}>{{NUMBER}}. {{TITLE}}</option>{{/only_option}}</select>
<button type="submit">[[Show]]</button>
</form>
{{#filtered}}<p role="status">[[Groups that have not finished “{{ONLY_TITLE}}”: {{SHOWN}} of {{TOTAL}}.]] <a href="{{ALL_HREF}}">[[Show every group]]</a></p>{{/filtered}}
{{#all_done}}<p class="saved">[[Every group has finished this section.]]</p>{{/all_done}}
{{#rows}}<div class="dash-scroll" role="region" aria-labelledby="dash-caption" tabindex="0">
<table class="dash">
<caption id="dash-caption">[[Groups of the cohort ({{SHOWN}})]]</caption>
<thead><tr>
{{#head_name}}<th scope="col" class="col-name"{{#sorted_asc}} aria-sort="ascending"{{/sorted_asc}}{{#sorted_desc}} aria-sort="descending"{{/sorted_desc}}><a href="{{HREF}}">[[Organisation]]{{#sorted_asc}}<span aria-hidden="true"> &#9650;</span>{{/sorted_asc}}{{#sorted_desc}}<span aria-hidden="true"> &#9660;</span>{{/sorted_desc}}</a></th>{{/head_name}}
{{#head_overall}}<th scope="col" class="col-overall"{{#sorted_asc}} aria-sort="ascending"{{/sorted_asc}}{{#sorted_desc}} aria-sort="descending"{{/sorted_desc}}><a href="{{HREF}}">[[Progress]]{{#sorted_asc}}<span aria-hidden="true"> &#9650;</span>{{/sorted_asc}}{{#sorted_desc}}<span aria-hidden="true"> &#9660;</span>{{/sorted_desc}}</a></th>{{/head_overall}}
{{#head_section}}<th scope="col" class="sec"{{#sorted_asc}} aria-sort="ascending"{{/sorted_asc}}{{#sorted_desc}} aria-sort="descending"{{/sorted_desc}}><a href="{{HREF}}"><abbr title="{{TITLE}}">{{NUMBER}}</abbr><span class="visually-hidden"> {{TITLE}}</span>{{#sorted_asc}}<span aria-hidden="true">&#9650;</span>{{/sorted_asc}}{{#sorted_desc}}<span aria-hidden="true">&#9660;</span>{{/sorted_desc}}</a></th>{{/head_section}}
{{#head_pitfalls}}<th scope="col"{{#sorted_asc}} aria-sort="ascending"{{/sorted_asc}}{{#sorted_desc}} aria-sort="descending"{{/sorted_desc}}><a href="{{HREF}}">[[Pitfalls]]{{#sorted_asc}}<span aria-hidden="true"> &#9650;</span>{{/sorted_asc}}{{#sorted_desc}}<span aria-hidden="true"> &#9660;</span>{{/sorted_desc}}</a></th>{{/head_pitfalls}}
{{#head_activity}}<th scope="col"{{#sorted_asc}} aria-sort="ascending"{{/sorted_asc}}{{#sorted_desc}} aria-sort="descending"{{/sorted_desc}}><a href="{{HREF}}">[[Last activity]]{{#sorted_asc}}<span aria-hidden="true"> &#9650;</span>{{/sorted_asc}}{{#sorted_desc}}<span aria-hidden="true"> &#9660;</span>{{/sorted_desc}}</a></th>{{/head_activity}}
{{#head_replies}}<th scope="col"{{#sorted_asc}} aria-sort="ascending"{{/sorted_asc}}{{#sorted_desc}} aria-sort="descending"{{/sorted_desc}}><a href="{{HREF}}">[[Comments awaiting a reply]]{{#sorted_asc}}<span aria-hidden="true"> &#9650;</span>{{/sorted_asc}}{{#sorted_desc}}<span aria-hidden="true"> &#9660;</span>{{/sorted_desc}}</a></th>{{/head_replies}}
</tr></thead>
<tbody>
{{#row}}<tr>
<th scope="row" class="col-name"><a href="/o/{{ORG_ID}}/">{{NAME}}</a>{{#demo}} <span class="tag">[[demonstration]]</span>{{/demo}}{{#changed}} <span class="tag changed">[[changed since your last visit]]</span>{{/changed}}</th>
<td class="col-overall"><span class="pct">{{OVERALL}}&#160;%</span> <progress max="100" value="{{OVERALL}}" aria-hidden="true"></progress></td>
{{#cell}}<td class="sec"><span class="gauge l{{LEVEL}}" aria-hidden="true"></span><span class="visually-hidden">{{PERCENT}}&#160;%</span></td>{{/cell}}
<td class="num">{{PITFALLS}}</td>
<td class="col-date">{{#active}}{{DATE}}{{/active}}{{#never}}<span class="muted">[[never]]</span>{{/never}}</td>
<td class="col-replies">{{#await_trainer}}<strong class="await">[[{{N}} to answer]]</strong>{{/await_trainer}}{{#await_group}} <span class="await-group">[[{{N}} awaiting the group]]</span>{{/await_group}}{{#no_await}}<span aria-hidden="true">&#8212;</span><span class="visually-hidden">[[none]]</span>{{/no_await}}</td>
</tr>
{{/row}}</tbody>
</table>
</div>{{/rows}}
<section class="dash-legend" aria-labelledby="legend-h">
<h2 id="legend-h">[[Reading the table]]</h2>
<ol class="legend-sections">{{#legend_section}}<li value="{{NUMBER}}">{{TITLE}}</li>{{/legend_section}}</ol>
<ul class="legend-levels">
<li><span class="gauge l0" aria-hidden="true"></span> [[not started]]</li>
<li><span class="gauge l1" aria-hidden="true"></span> [[under a third]]</li>
<li><span class="gauge l2" aria-hidden="true"></span> [[under two thirds]]</li>
<li><span class="gauge l3" aria-hidden="true"></span> [[nearly done]]</li>
<li><span class="gauge l4" aria-hidden="true"></span> [[complete]]</li>
</ul>
<p>[[“To answer”: comment threads whose last message comes from the group. “Awaiting the group”: threads where you or another trainer wrote last. “Changed since your last visit”: the group saved its plan after you last read it.]]</p>
</section>
{{/table}}
</div>
