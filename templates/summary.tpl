{{%AUTOESCAPE context="HTML"}}
{{! The strategy as one document: the page /o/<id>/summary (and /s/<token>),
    and the body of the standalone file summary.html.  Filled by
    summary_fill() in cgi/summary.c; summary.md.tpl expands the same
    dictionary as Markdown.  Every block is a section, so nothing shows a
    heading over nothing. }}
<article class="summary doc" aria-labelledby="doc-title">
<header class="doc-head">
<p class="kicker">[[Social-media strategy]]</p>
<h1 id="doc-title">{{ORG_NAME}}</h1>
<p class="date">[[As of {{TODAY}}]] · [[The plan is {{OVERALL}} % complete.]]</p>
{{#shared}}<p class="shared-note">[[A read-only copy of this organisation's plan, shared with you through a link.]]</p>{{/shared}}
{{#downloads}}<nav class="downloads" aria-label="[[Downloads]]">
<span class="downloads-label">[[Download:]]</span>
<a href="{{DOWNLOADS}}/summary.pdf" download>[[PDF document]]</a>
<a href="{{DOWNLOADS}}/summary.md" download>[[Text (Markdown)]]</a>
<a href="{{DOWNLOADS}}/summary.html" download>[[Web page (HTML)]]</a>
<a href="{{DOWNLOADS}}/plan.json" download>[[Data (JSON)]]</a>
</nav>{{/downloads}}
{{#share_panel}}<aside class="share-panel" aria-labelledby="share-title">
<h2 id="share-title">[[Share this plan]]</h2>
<p>[[A share link lets people without an account, such as your board or a funder, read this summary and download it. They cannot change anything.]]</p>
<p><a href="/o/{{ORG_ID}}/share">[[Make or withdraw share links]]</a></p>
</aside>{{/share_panel}}
{{#toc}}<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">[[Contents]]</h2>
<ol>{{#entry}}<li><a href="#part-{{SLUG}}">{{TITLE}}</a>{{#todo}} <span class="tag todo">[[to complete]]</span>{{/todo}}</li>{{/entry}}</ol>
{{#toc_pitfalls}}<p><a href="#part-pitfalls">[[Pitfalls still open]]</a></p>{{/toc_pitfalls}}
</nav>{{/toc}}
</header>

{{#start}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#hours}}<p class="figure"><strong class="big">[[{{V}} h a week]]</strong> [[that the team can really give]]</p>{{/hours}}
<dl class="rows">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>
</section>{{/start}}

{{#accounts}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#accounts_table}}<ul class="accounts">{{#account}}<li class="account card">
<p class="account-name">{{#platform}}<strong>{{V:pre_escape}}</strong>{{/platform}}{{#handle}} <span class="handle">{{V:pre_escape}}</span>{{/handle}}</p>
<dl class="facts">{{#holder}}<div><dt>[[Held by]]</dt><dd>{{V:pre_escape}}</dd></div>{{/holder}}{{#backup}}<div><dt>[[Can take over]]</dt><dd>{{V:pre_escape}}</dd></div>{{/backup}}{{#recovery}}<div><dt>[[Recovery]]</dt><dd>{{V:pre_escape}}</dd></div>{{/recovery}}</dl>
{{#notes}}<p class="note v">{{V:pre_escape}}</p>{{/notes}}
</li>{{/account}}</ul>{{/accounts_table}}
</section>{{/accounts}}

{{#mission}}<section class="part major" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
<dl class="statements">{{#row}}<dt>{{LABEL}}</dt><dd class="statement-{{KEY}}">{{VALUE:pre_escape}}</dd>{{/row}}</dl>
</section>{{/mission}}

{{#objectives}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
<ol class="objectives">{{#objective}}<li class="objective card" id="objective-{{N}}">
<p class="obj-num">[[Objective {{N}}]]{{#kind}} <span class="tag">{{V:pre_escape}}</span>{{/kind}}</p>
<h3 class="obj-text v">{{#text}}{{V:pre_escape}}{{/text}}</h3>
{{#serves}}<p><span class="stem">[[How it serves the mission:]]</span> <span class="v">{{V:pre_escape}}</span></p>{{/serves}}
{{#measure}}<dl class="measure">{{#indicator}}<div><dt>[[Indicator]]</dt><dd>{{V:pre_escape}}</dd></div>{{/indicator}}{{#target}}<div><dt>[[Target]]</dt><dd>{{V:pre_escape}}</dd></div>{{/target}}{{#due}}<div><dt>[[To check on]]</dt><dd>{{V:pre_escape}}</dd></div>{{/due}}</dl>{{/measure}}
</li>{{/objective}}</ol>
</section>{{/objectives}}

{{#story}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#pitches}}<div class="pitches">
{{#pitch_short}}<figure class="pitch">
<figcaption>[[Our pitch, in a few words]]</figcaption>
<blockquote><p>{{V:pre_escape}}</p></blockquote>
</figure>{{/pitch_short}}
{{#pitch_long}}<figure class="pitch long">
<figcaption>[[Our pitch, at more length]]</figcaption>
<blockquote><p>{{V:pre_escape}}</p></blockquote>
</figure>{{/pitch_long}}
</div>{{/pitches}}
<dl class="rows">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>
{{#values}}<h3>[[Our values]]</h3>
<ul class="values">{{#value_item}}<li>{{#value}}<strong>{{V:pre_escape}}</strong>{{/value}}{{#example}} <span class="value-example v">{{V:pre_escape}}</span>{{/example}}</li>{{/value_item}}</ul>{{/values}}
</section>{{/story}}

{{#tone}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#scales}}<ul class="scales">{{#scale}}<li><span class="axis">{{AXIS}}</span> <strong class="word">{{WORD}}</strong> <span class="meter" aria-hidden="true">{{#dot}}<i{{#on}} class="on"{{/on}}></i>{{/dot}}</span> <span class="visually-hidden">[[{{VALUE}} on a scale of 5]]</span></li>{{/scale}}</ul>{{/scales}}
{{#adjectives}}<p class="adjectives-label">[[In a few words, we are:]]</p>
<ul class="chips adjectives">{{#adjective}}<li>{{V:pre_escape}}</li>{{/adjective}}</ul>{{/adjectives}}
{{#sample}}<figure class="voice">
<figcaption>[[One sentence in our voice]]</figcaption>
<blockquote><p>{{V:pre_escape}}</p></blockquote>
</figure>{{/sample}}
</section>{{/tone}}

{{#audiences}}<section class="part major" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#groups}}<h3>[[The groups we want to reach]]</h3>
<ul class="chips">{{#group}}<li>{{V:pre_escape}}</li>{{/group}}{{#other_groups}}<li>{{V:pre_escape}}</li>{{/other_groups}}</ul>{{/groups}}
{{#personas}}<h3>[[Our personas]]</h3>
<div class="personas">{{#persona}}<article class="persona card" id="persona-{{N}}">
<header class="persona-head"><span class="avatar" aria-hidden="true">{{INITIAL}}</span>
<div><h4>{{#name}}{{V:pre_escape}}{{/name}}</h4>
{{#role}}<p class="role">{{V:pre_escape}}</p>{{/role}}</div></header>
<dl class="facts">{{#age}}<div><dt>[[Age]]</dt><dd>{{V:pre_escape}}</dd></div>{{/age}}{{#languages}}<div><dt>[[Languages]]</dt><dd>{{V:pre_escape}}</dd></div>{{/languages}}</dl>
{{#uses}}<ul class="chips small" aria-label="[[Platforms they use]]">{{#platform}}<li>{{V:pre_escape}}</li>{{/platform}}</ul>{{/uses}}
<dl class="rows">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>
</article>{{/persona}}</div>{{/personas}}
</section>{{/audiences}}

{{#platforms}}<section class="part major" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#chosen}}<p class="figure"><strong class="big">[[{{PLANNED}} h a week]]</strong> [[planned in all]]{{#available}}, [[for {{AVAILABLE}} h that the team can give]]{{/available}}.</p>
{{#over}}<p class="warn">[[That is more than the team can give.]]</p>{{/over}}
<div class="platform-cards">{{#platform}}<article class="platform card pf-{{KEY}}">
<h3>{{NAME}}</h3>
<p class="pf-figures">[[{{HOURS}} h a week]] · [[{{POSTS}} posts a week]]</p>
{{#purpose}}<p class="v">{{V:pre_escape}}</p>{{/purpose}}
{{#reached}}<p class="refs"><span class="stem">[[Personas we reach there:]]</span> {{#persona}}<a href="#persona-{{N}}">{{V:pre_escape}}</a>{{#persona_separator}} · {{/persona_separator}}{{/persona}}</p>{{/reached}}
{{#serves}}<p class="refs"><span class="stem">[[Objectives it serves:]]</span> {{#objective}}<a href="#objective-{{N}}">{{V:pre_escape}}</a>{{#objective_separator}} · {{/objective_separator}}{{/objective}}</p>{{/serves}}
</article>{{/platform}}</div>{{/chosen}}
{{#budget}}{{>BUDGET}}{{/budget}}
{{#week}}<div class="week">
<table class="week-grid">
<caption>[[Our week: the days each platform posts]]</caption>
<thead><tr><th scope="col">[[Platform]]</th><th scope="col"><abbr title="[[Monday]]">[[Mon]]</abbr></th><th scope="col"><abbr title="[[Tuesday]]">[[Tue]]</abbr></th><th scope="col"><abbr title="[[Wednesday]]">[[Wed]]</abbr></th><th scope="col"><abbr title="[[Thursday]]">[[Thu]]</abbr></th><th scope="col"><abbr title="[[Friday]]">[[Fri]]</abbr></th><th scope="col"><abbr title="[[Saturday]]">[[Sat]]</abbr></th><th scope="col"><abbr title="[[Sunday]]">[[Sun]]</abbr></th></tr></thead>
<tbody>{{#week_row}}<tr class="pf-{{KEY}}"><th scope="row">{{NAME}} <span class="posts">[[{{POSTS}} a week]]</span></th>{{#day}}{{#on}}<td class="on"><span class="dot" aria-hidden="true"></span><span class="visually-hidden">[[a post]]</span></td>{{/on}}{{#off}}<td></td>{{/off}}{{/day}}</tr>
{{/week_row}}</tbody>
</table>
</div>{{/week}}
</section>{{/platforms}}

{{#resources}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#scales}}<ul class="scales">{{#scale}}<li><span class="axis">{{AXIS}}</span> <strong class="word">{{WORD}}</strong> <span class="meter" aria-hidden="true">{{#dot}}<i{{#on}} class="on"{{/on}}></i>{{/dot}}</span> <span class="visually-hidden">[[{{VALUE}} on a scale of 5]]</span></li>{{/scale}}</ul>{{/scales}}
<dl class="rows">{{#content_kinds}}<dt>[[What we will share or make]]</dt><dd>{{V:pre_escape}}</dd>{{/content_kinds}}{{#hours_note}}<dt>[[What it means for our hours]]</dt><dd>{{V:pre_escape}}</dd>{{/hours_note}}</dl>
</section>{{/resources}}

{{#practices}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#practices_list}}<p>[[We commit to these practices:]]</p>
<ul class="commitments">{{#practice}}<li><strong>{{PRACTICE}}</strong>{{#how}} <span class="v">{{V:pre_escape}}</span>{{/how}}</li>{{/practice}}</ul>{{/practices_list}}
</section>{{/practices}}

{{#posts}}<section class="part major" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#posts_list}}<div class="post-cards">{{#post}}<figure class="post" id="post-{{N}}">
<article class="post-card pf-{{KEY}}{{#visual}} visual{{/visual}}" aria-label="[[Post {{N}}]] · {{PLATFORM}}">
<header class="post-head"><span class="avatar" aria-hidden="true">{{ORG_INITIAL}}</span><span class="who"><strong class="org">{{ORG_NAME}}</strong><span class="where">{{PLATFORM}}</span></span></header>
<div class="post-body">{{#text}}<p class="post-text v">{{V:pre_escape}}</p>{{/text}}
{{#hashtags}}<p class="post-tags">{{V:pre_escape}}</p>{{/hashtags}}</div>
{{#image}}<div class="post-media"><span class="media-label">[[Image or video]]</span> <span class="media-text v">{{V:pre_escape}}</span></div>{{/image}}
<footer class="post-foot"><span class="actions" aria-hidden="true"><i></i><i></i><i></i></span><span class="platform-name">{{PLATFORM}}</span></footer>
</article>
<figcaption class="post-meta">{{#for_persona}}<span>[[Persona:]] {{V:pre_escape}}</span> {{/for_persona}}{{#for_objective}}<span><a href="#objective-{{N}}">{{V:pre_escape}}</a></span> {{/for_objective}}<span class="{{#limit}}{{#over}}over{{/over}}{{/limit}}">{{#limit}}[[{{COUNT}} of {{LIMIT}} characters]]{{#over}} · [[over the limit]]{{/over}}{{/limit}}</span></figcaption>
</figure>{{/post}}</div>{{/posts_list}}
</section>{{/posts}}

{{#team}}<section class="part major" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#roles}}<ul class="roles">
{{#responsible}}<li class="card"><span class="role-name">[[Responsible]]</span> <strong>{{V:pre_escape}}</strong>{{#responsible_stays}} <span class="note">[[Still with us in a year:]] {{V:pre_escape}}</span>{{/responsible_stays}}</li>{{/responsible}}
{{#backup}}<li class="card"><span class="role-name">[[Takes over when needed]]</span> <strong>{{V:pre_escape}}</strong></li>{{/backup}}
{{#crisis}}<li class="card"><span class="role-name">[[To call in a crisis]]</span> <strong>{{V:pre_escape}}</strong></li>{{/crisis}}
</ul>{{/roles}}
<dl class="rows">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>
</section>{{/team}}

{{#evaluation}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#todo}}<p class="todo">[[To complete]]</p>{{/todo}}
{{#calendar}}<table class="calendar">
<caption>[[When we check each objective]]</caption>
<thead><tr><th scope="col">[[Objective]]</th><th scope="col">[[Indicator and target]]</th><th scope="col">[[To check on]]</th><th scope="col">[[Reviewed on]]</th></tr></thead>
<tbody>{{#check}}<tr><th scope="row"><a href="#objective-{{N}}">[[Objective {{N}}]]</a>{{#text}} <span class="obj-text v">{{V:pre_escape}}</span>{{/text}}</th><td>{{#indicator}}{{V:pre_escape}}{{/indicator}}{{#target}} <span class="target">[[Target:]] {{V:pre_escape}}</span>{{/target}}</td><td>{{#due}}{{V:pre_escape}}{{/due}}</td><td>{{#reviewed_on}}{{V:pre_escape}}{{/reviewed_on}}</td></tr>
{{/check}}</tbody>
</table>{{/calendar}}
{{#review}}<article class="review card">
<h3>[[Review of objective {{N}}]]{{#reviewed_on}} <span class="date">{{V:pre_escape}}</span>{{/reviewed_on}}</h3>
<dl class="rows">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE:pre_escape}}</dd>{{/row}}</dl>
</article>{{/review}}
</section>{{/evaluation}}

{{#events}}<section class="part" id="part-{{SLUG}}" aria-labelledby="h-{{SLUG}}">
<h2 id="h-{{SLUG}}" data-num="{{NUM}}">{{TITLE}}</h2>
{{#event}}<article class="event card">
<h3>{{#name}}{{V:pre_escape}}{{/name}}{{#date}} <span class="date">{{V:pre_escape}}</span>{{/date}}</h3>
{{#on_platforms}}<ul class="chips small" aria-label="[[Platforms]]">{{#platform}}<li>{{V:pre_escape}}</li>{{/platform}}</ul>{{/on_platforms}}
{{#stages}}<ol class="stages">{{#before}}<li><span class="stage">[[Before]]</span> <span class="v">{{V:pre_escape}}</span></li>{{/before}}{{#during}}<li><span class="stage">[[During]]</span> <span class="v">{{V:pre_escape}}</span></li>{{/during}}{{#after}}<li><span class="stage">[[After]]</span> <span class="v">{{V:pre_escape}}</span></li>{{/after}}</ol>{{/stages}}
{{#notes}}<p class="note v">{{V:pre_escape}}</p>{{/notes}}
</article>{{/event}}
</section>{{/events}}

{{#pitfalls}}<section class="part pitfalls" id="part-pitfalls" aria-labelledby="h-pitfalls">
<h2 id="h-pitfalls">[[Pitfalls still open ({{PITFALL_COUNT}})]]</h2>
<p>[[Classic mistakes that the plan still shows. They are not part of the strategy: they are what is left to settle.]]</p>
<ul>{{#pitfall}}<li><strong>{{PIT_TITLE}}</strong>{{#subject}} ({{SUBJECT}}){{/subject}}. {{PIT_TEXT}}{{#numbers}} [[Planned: {{PLANNED}} h a week; available: {{AVAILABLE}} h.]]{{/numbers}} <span class="where">[[To fix in:]] {{PIT_SECTION}}</span></li>{{/pitfall}}</ul>
</section>{{/pitfalls}}
{{#file}}<footer class="doc-foot"><p>[[Made with reseauter on {{TODAY}}.]]</p></footer>{{/file}}
</article>
