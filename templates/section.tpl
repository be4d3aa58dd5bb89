{{%AUTOESCAPE context="HTML"}}
<div class="workbook">
<nav class="steps" aria-label="[[Sections of the workbook]]">
<ol>
{{#step}}<li class="{{#done}}done{{/done}}">{{#current}}<a href="/o/{{ORG_ID}}/{{STEP_SLUG}}" aria-current="page"><span class="step-title">{{STEP_TITLE}}</span> <span class="step-pct">{{STEP_PERCENT}}&#160;%</span>{{#open_comments}} <span class="step-comments">[[Open comments: {{OPEN}}]]</span>{{/open_comments}}</a>{{/current}}{{#other}}<a href="/o/{{ORG_ID}}/{{STEP_SLUG}}"><span class="step-title">{{STEP_TITLE}}</span> <span class="step-pct">{{STEP_PERCENT}}&#160;%</span>{{#open_comments}} <span class="step-comments">[[Open comments: {{OPEN}}]]</span>{{/open_comments}}</a>{{/other}}</li>{{/step}}
</ol>
</nav>
<div class="sheet">
<p class="kicker">[[Section {{NUMBER}} of {{COUNT}}]]{{#optional}} · [[optional]]{{/optional}}</p>
<h1>{{TITLE}}</h1>
{{#guide}}<div class="guide">{{#para}}<p>{{TEXT}}</p>{{/para}}</div>{{/guide}}
{{#comments_notice}}<p class="comments-notice"><a href="#comments">[[Open comments: {{OPEN}}]]</a></p>{{/comments_notice}}
{{#saved}}<p class="saved" role="status">[[Saved.]]</p>{{/saved}}
{{#restored}}<p class="saved" role="status">[[The earlier version was restored. The one it replaced is still in the history.]]</p>{{/restored}}
{{#pitfalls}}<aside class="pitfalls" aria-labelledby="pitfalls-title">
<h2 id="pitfalls-title">[[Worth a second look]]</h2>
<ul>{{#pitfall}}<li><strong>{{PIT_TITLE}}</strong>{{#subject}} ({{SUBJECT}}){{/subject}}. {{PIT_TEXT}}{{#numbers}} [[Planned: {{PLANNED}} h a week; available: {{AVAILABLE}} h.]]{{/numbers}}</li>{{/pitfall}}</ul>
</aside>{{/pitfalls}}
{{#budget}}{{>BUDGET}}{{/budget}}
{{#conflict}}<div class="conflict" role="alert">
<h2>[[Someone else saved this section while you were writing]]</h2>
<p>[[{{CUR_BY}} saved a newer version. Nothing was overwritten: your text is still in the form below. Compare it with theirs, combine what you want to keep, then save again.]]</p>
<h3>[[The version saved by {{CUR_BY}}]]</h3>
{{#show}}{{>SHOW}}{{/show}}
</div>{{/conflict}}
{{#unsaved}}<div class="error-summary" role="alert">
<h2>[[Your changes were not saved]]</h2>
{{#storage}}<p>[[The server cannot store anything at the moment: its disk is full or its data is read-only. Nothing was saved, and nothing saved before was changed. Your text is still in the form below: try again in a few minutes. If it keeps failing, copy your text somewhere safe and tell the person who runs this site.]]</p>{{/storage}}
{{#busy}}<p>[[The application is busy. Nothing was saved, and nothing saved before was changed. Your text is still in the form below: try again in a moment.]]</p>{{/busy}}
</div>{{/unsaved}}
{{#edit}}<div class="draft-offer" role="status" hidden>
<p>[[This browser kept a draft of this page that was never saved.]] <span class="draft-older" hidden>[[It was started from an earlier version of the section.]]</span></p>
<p><button type="button" class="secondary" data-draft="restore">[[Put the draft back in the form]]</button> <button type="button" class="link" data-draft="discard">[[Discard the draft]]</button></p>
</div>{{/edit}}
{{#form_errors}}<div class="error-summary" role="alert">
<h2>[[Some answers need your attention]]</h2>
<ul>{{#error}}<li><a href="#f-{{FIELD}}">[[{{LABEL}}: {{MESSAGE}}]]</a></li>{{/error}}</ul>
</div>{{/form_errors}}
{{#readonly}}<div class="sheet-read">
{{#show}}{{>SHOW}}{{/show}}
<p class="actions"><a href="/o/{{ORG_ID}}/{{SLUG}}/history">[[History of this section]]</a></p>
{{#stamp}}<p class="stamp">[[Last saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
</div>{{/readonly}}
{{#edit}}<form method="post" action="/o/{{ORG_ID}}/{{SLUG}}" class="stack section-form" data-draft="{{ORG_ID}}/{{SLUG}}" data-version="{{VERSION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{! Enter in a one-line field presses the form's first submit button: this one saves, where a list's "add" or an example's "copy" further down would do more. }}<button type="submit" hidden>[[Save]]</button>
{{#field}}{{>FIELD}}{{/field}}
{{#list}}<section class="list" id="list-{{LIST}}">
{{#list_title}}<h2>{{LIST_TITLE}}</h2>{{/list_title}}
{{#examples}}<details class="examples">
<summary>[[Read the three example personas of a fictional housing committee]]</summary>
<p>[[Copying one adds it to your personas, where you can change everything. What you typed on this page is saved at the same time.]]</p>
{{#example}}<div class="example">
<h3>{{EXAMPLE_NAME}}</h3>
<dl class="show">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/row}}</dl>
<p><button type="submit" class="secondary" name="copy_example" value="{{EXAMPLE}}">[[Copy “{{EXAMPLE_NAME}}” into our personas]]</button></p>
</div>{{/example}}
</details>{{/examples}}
{{#from_empty}}<p class="todo">[[Write your objectives first: a review appears here for each one.]]</p>{{/from_empty}}
{{#item}}{{#collapsible}}<details class="item-fold" id="fold-{{LIST}}-{{N}}"{{#open}} open{{/open}}>
<summary>{{ITEM_TITLE}}{{#chosen}} <span class="tag done">[[chosen]]</span>{{/chosen}}</summary>{{/collapsible}}
<fieldset class="block{{#new}} new-item{{/new}}" id="{{LIST}}-{{N}}">
<legend>{{ITEM_TITLE}}</legend>
{{#new}}<span id="new-{{LIST}}"></span>{{/new}}
<input type="hidden" name="{{LIST}}-{{N}}-id" value="{{ITEM_ID}}">
{{#platform_info}}<dl class="platform-info">
{{#hours}}<dt>[[Time it takes]]</dt><dd>[[{{HOURS}} h a week]] <span class="note">{{HOURS_NOTE}}</span></dd>{{/hours}}
<dt>[[Rhythm]]</dt><dd>{{RHYTHM}}</dd>
<dt>[[Who is there]]</dt><dd>{{AUDIENCE}}</dd>
<dt>[[Cost]]</dt><dd>{{COST}}</dd>
<dt>[[Good for]]</dt><dd>{{GOOD_FOR}}</dd>
{{#limit}}<dt>[[Text limit]]</dt><dd>[[{{LIMIT}} characters]]</dd>{{/limit}}
</dl>{{/platform_info}}
{{#review_of}}<dl class="show review-of">{{#row}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/row}}</dl>{{/review_of}}
{{#field}}{{>FIELD}}{{/field}}
{{#removable}}<p class="check remove"><input type="checkbox" id="{{LIST}}-{{N}}-remove" name="{{LIST}}-{{N}}-remove" value="1"> <label for="{{LIST}}-{{N}}-remove">[[Remove when saving]]</label></p>{{/removable}}
</fieldset>{{#collapsible}}</details>{{/collapsible}}{{/item}}
{{#full}}<p class="hint">[[This list is full.]]</p>{{/full}}
{{#add}}<p><button type="submit" class="secondary" name="add" value="{{LIST}}">{{ADD_LABEL}}</button></p>{{/add}}
</section>{{/list}}
<p class="actions"><button type="submit">[[Save]]</button>
<a href="/o/{{ORG_ID}}/{{SLUG}}/history">[[History of this section]]</a></p>
<p class="draft-note" hidden>[[While you type, a draft of this page is kept in this browser until you save.]]</p>
{{#stamp}}<p class="stamp">[[Last saved by {{SAVED_BY}} on {{SAVED_ON}}]]</p>{{/stamp}}
</form>{{/edit}}
{{#comments}}<section class="comments" id="comments" aria-labelledby="comments-title">
<h2 id="comments-title">{{#for_group}}[[Comments from your trainer]]{{/for_group}}{{#for_trainer}}[[Comments]]{{/for_trainer}}</h2>
{{#for_group}}<p class="hint">[[Your trainer read this section and left these comments. Answer them here, and mark a conversation resolved once it is settled.]]</p>{{/for_group}}
{{#for_trainer}}<p class="hint">[[The group sees your comments on this section and on the overview of its plan, and can answer them.]]</p>{{/for_trainer}}
{{#no_comments}}<p>[[No comment on this section yet.]]</p>{{/no_comments}}
{{#thread}}{{#folded}}{{#first_resolved}}<h3 class="resolved-title">[[Resolved conversations]]</h3>
{{/first_resolved}}<details class="thread resolved" id="t{{THREAD_ID}}"{{#open}} open{{/open}}>
<summary>[[Resolved on {{RESOLVED_ON}}]]{{#by}} [[by {{BY}}]]{{/by}} · {{START}}</summary>
{{/folded}}{{#unfolded}}<article class="thread" id="t{{THREAD_ID}}">
{{/unfolded}}<ol class="messages">
{{#msg}}<li class="msg{{#trainer}} from-trainer{{/trainer}}" id="c{{ID}}">
<p class="msg-meta"><strong>{{AUTHOR}}</strong> <span class="side">{{#trainer}}[[trainer]]{{/trainer}}{{#group}}[[the group]]{{/group}}</span> · [[{{DATE}} at {{TIME}}]]</p>
<div class="msg-body">{{BODY:pre_escape}}</div>
</li>
{{/msg}}</ol>
{{#reply}}<form method="post" action="/o/{{ORG_ID}}/{{SLUG}}/comments" class="stack reply">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="thread" value="{{THREAD_ID}}">
<div class="field">
<label for="f-reply-{{THREAD_ID}}">[[Your reply]]</label>
{{#reply_error}}<p class="error" id="e-reply-{{THREAD_ID}}">{{MESSAGE}}</p>{{/reply_error}}
<textarea id="f-reply-{{THREAD_ID}}" name="body" rows="3"{{#reply_error}} aria-describedby="e-reply-{{THREAD_ID}}" aria-invalid="true"{{/reply_error}}>{{REPLY}}</textarea>
</div>
<p><button type="submit">[[Send the reply]]</button></p>
</form>{{/reply}}
<form method="post" action="/o/{{ORG_ID}}/comments/{{THREAD_ID}}/resolve" class="inline resolve">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#unfolded}}<input type="hidden" name="action" value="resolve"><button type="submit" class="secondary">[[Mark resolved]]</button>{{/unfolded}}{{#folded}}<input type="hidden" name="action" value="reopen"><button type="submit" class="secondary">[[Reopen]]</button>{{/folded}}
</form>
{{#folded}}</details>{{/folded}}{{#unfolded}}</article>{{/unfolded}}
{{/thread}}
{{#new_comment}}<form method="post" action="/o/{{ORG_ID}}/{{SLUG}}/comments" class="stack new-comment">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="f-body">[[New comment on this section]]</label>
<p class="hint" id="h-body">[[Up to 4000 characters. Line breaks are kept.]]</p>
{{#body_error}}<p class="error" id="e-body">{{MESSAGE}}</p>{{/body_error}}
<textarea id="f-body" name="body" rows="4" aria-describedby="h-body{{#body_error}} e-body{{/body_error}}"{{#body_error}} aria-invalid="true"{{/body_error}}>{{BODY}}</textarea>
</div>
<p><button type="submit">[[Send the comment]]</button></p>
</form>{{/new_comment}}
</section>{{/comments}}
{{#next}}<p class="next"><a href="/o/{{ORG_ID}}/{{NEXT_SLUG}}">[[Next: {{NEXT_TITLE}}]]</a></p>{{/next}}
{{#last}}<p class="next"><a href="/o/{{ORG_ID}}/summary">[[Next: read the summary]]</a></p>{{/last}}
</div>
</div>
