{{%AUTOESCAPE context="XML"}}
# {{ORG_NAME:x-markdown=line}}
{{BI_NEWLINE}}[[Social-media strategy]] · [[As of {{TODAY}}]] · [[The plan is {{OVERALL}} % complete.]]
{{#start}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#hours}}
{{BI_NEWLINE}}**[[{{V}} h a week]]** [[that the team can really give]]
{{/hours}}
{{#rows}}
{{BI_NEWLINE}}{{#row}}- **{{LABEL:x-markdown=line}}** {{VALUE:x-markdown=item}}
{{/row}}
{{/rows}}
{{/start}}
{{#accounts}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#accounts_table}}
{{BI_NEWLINE}}{{#account}}- {{#platform}}**{{V:x-markdown=line}}**{{/platform}}{{#handle}} {{V:x-markdown=line}}{{/handle}}{{#holder}} · **[[Held by]]** {{V:x-markdown=line}}{{/holder}}{{#backup}} · **[[Can take over]]** {{V:x-markdown=line}}{{/backup}}{{#recovery}} · **[[Recovery]]** {{V:x-markdown=line}}{{/recovery}}{{#notes}}  
  {{V:x-markdown=item}}{{/notes}}
{{/account}}
{{/accounts_table}}
{{/accounts}}
{{#mission}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#row}}
{{BI_NEWLINE}}**{{LABEL:x-markdown=line}}** {{VALUE:x-markdown=block}}
{{/row}}
{{/mission}}
{{#objectives}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#objective}}
{{BI_NEWLINE}}### [[Objective {{N}}]]{{#kind}} · {{V:x-markdown=line}}{{/kind}}
{{#text}}
{{BI_NEWLINE}}{{V:x-markdown=block}}
{{/text}}
{{#serves}}
{{BI_NEWLINE}}*[[How it serves the mission:]]* {{V:x-markdown=block}}
{{/serves}}
{{#measure}}
{{BI_NEWLINE}}{{#indicator}}- **[[Indicator]]** {{V:x-markdown=item}}
{{/indicator}}
{{#target}}
- **[[Target]]** {{V:x-markdown=item}}
{{/target}}
{{#due}}
- **[[To check on]]** {{V:x-markdown=item}}
{{/due}}
{{/measure}}
{{/objective}}
{{/objectives}}
{{#story}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#pitch_short}}
{{BI_NEWLINE}}**[[Our pitch, in a few words]]**
{{BI_NEWLINE}}> {{V:x-markdown=quote}}
{{/pitch_short}}
{{#pitch_long}}
{{BI_NEWLINE}}**[[Our pitch, at more length]]**
{{BI_NEWLINE}}> {{V:x-markdown=quote}}
{{/pitch_long}}
{{#row}}
{{BI_NEWLINE}}**{{LABEL:x-markdown=line}}**  
{{VALUE:x-markdown=block}}
{{/row}}
{{#values}}
{{BI_NEWLINE}}### [[Our values]]
{{BI_NEWLINE}}{{#value_item}}- {{#value}}**{{V:x-markdown=line}}**{{/value}}{{#example}} {{V:x-markdown=item}}{{/example}}
{{/value_item}}
{{/values}}
{{/story}}
{{#tone}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#scales}}
{{BI_NEWLINE}}{{#scale}}- {{AXIS:x-markdown=line}} **{{WORD:x-markdown=line}}** ({{VALUE}}/5)
{{/scale}}
{{/scales}}
{{#adjectives}}
{{BI_NEWLINE}}[[In a few words, we are:]] {{#adjective}}**{{V:x-markdown=line}}**{{#adjective_separator}} · {{/adjective_separator}}{{/adjective}}
{{/adjectives}}
{{#sample}}
{{BI_NEWLINE}}**[[One sentence in our voice]]**
{{BI_NEWLINE}}> {{V:x-markdown=quote}}
{{/sample}}
{{/tone}}
{{#audiences}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#groups}}
{{BI_NEWLINE}}**[[The groups we want to reach]]** {{#group}}{{V:x-markdown=line}} · {{/group}}{{#other_groups}}{{V:x-markdown=line}}{{/other_groups}}
{{/groups}}
{{#persona}}
{{BI_NEWLINE}}### {{#name}}{{V:x-markdown=line}}{{/name}}
{{BI_NEWLINE}}{{#role}}*{{V:x-markdown=line}}*{{/role}}{{#age}} · **[[Age]]** {{V:x-markdown=line}}{{/age}}{{#languages}} · **[[Languages]]** {{V:x-markdown=line}}{{/languages}}{{#uses}} · {{#platform}}{{V:x-markdown=line}}{{#platform_separator}}, {{/platform_separator}}{{/platform}}{{/uses}}
{{#rows}}
{{BI_NEWLINE}}{{#row}}- **{{LABEL:x-markdown=line}}** {{VALUE:x-markdown=item}}
{{/row}}
{{/rows}}
{{/persona}}
{{/audiences}}
{{#platforms}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#platform}}
{{BI_NEWLINE}}### {{NAME:x-markdown=line}}
{{BI_NEWLINE}}*[[{{HOURS}} h a week]] · [[{{POSTS}} posts a week]]*
{{#purpose}}
{{BI_NEWLINE}}{{V:x-markdown=block}}
{{/purpose}}
{{#reached}}
{{BI_NEWLINE}}*[[Personas we reach there:]]* {{#persona}}{{V:x-markdown=line}}{{#persona_separator}} · {{/persona_separator}}{{/persona}}
{{/reached}}
{{#serves}}
{{BI_NEWLINE}}*[[Objectives it serves:]]* {{#objective}}{{V:x-markdown=line}}{{#named}} ({{NAME:x-markdown=line}}){{/named}}{{#objective_separator}} · {{/objective_separator}}{{/objective}}
{{/serves}}
{{/platform}}
{{#chosen}}
{{BI_NEWLINE}}### [[Time budget, in hours a week]]
{{BI_NEWLINE}}| [[Platform]] | [[Planned]] | [[Usually]] | [[Posts a week]] |
| --- | ---: | --- | ---: |
{{#hours_row}}
| {{NAME:x-markdown=line}} | {{HOURS}} h | {{USUAL}} | {{POSTS}} |
{{/hours_row}}
| **[[Total]]** | **{{PLANNED}} h** | | |
{{#available}}
{{BI_NEWLINE}}[[The team can give {{AVAILABLE}} h a week.]]{{#over}} **[[That is more than the team can give.]]**{{/over}}
{{/available}}
{{/chosen}}
{{#week}}
{{BI_NEWLINE}}### [[Our week: the days each platform posts]]
{{BI_NEWLINE}}| [[Platform]] | [[Mon]] | [[Tue]] | [[Wed]] | [[Thu]] | [[Fri]] | [[Sat]] | [[Sun]] |
| --- | :-: | :-: | :-: | :-: | :-: | :-: | :-: |
{{#week_row}}
| {{NAME:x-markdown=line}} ({{POSTS}}) |{{#day}}{{#on}} ● |{{/on}}{{#off}}   |{{/off}}{{/day}}
{{/week_row}}
{{/week}}
{{/platforms}}
{{#resources}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#scales}}
{{BI_NEWLINE}}{{#scale}}- {{AXIS:x-markdown=line}} **{{WORD:x-markdown=line}}** ({{VALUE}}/5)
{{/scale}}
{{/scales}}
{{#content_kinds}}
{{BI_NEWLINE}}**[[What we will share or make]]**  
{{V:x-markdown=block}}
{{/content_kinds}}
{{#hours_note}}
{{BI_NEWLINE}}**[[What it means for our hours]]**  
{{V:x-markdown=block}}
{{/hours_note}}
{{/resources}}
{{#practices}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#practices_list}}
{{BI_NEWLINE}}[[We commit to these practices:]]
{{BI_NEWLINE}}{{#practice}}- **{{PRACTICE:x-markdown=line}}**{{#how}} {{V:x-markdown=item}}{{/how}}
{{/practice}}
{{/practices_list}}
{{/practices}}
{{#posts}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#post}}
{{BI_NEWLINE}}### [[Post {{N}}]] · {{PLATFORM:x-markdown=line}}
{{BI_NEWLINE}}> **{{ORG_NAME:x-markdown=line}}** · {{PLATFORM:x-markdown=line}}
{{#text}}
>
> {{V:x-markdown=quote}}
{{/text}}
{{#hashtags}}
>
> {{V:x-markdown=quote}}
{{/hashtags}}
{{#image}}
>
> *[[Image or video]]* {{V:x-markdown=quote}}
{{/image}}
{{BI_NEWLINE}}{{#for_persona}}[[Persona:]] {{V:x-markdown=line}} · {{/for_persona}}{{#for_objective}}{{V:x-markdown=line}}{{#named}} ({{NAME:x-markdown=line}}){{/named}} · {{/for_objective}}{{#limit}}[[{{COUNT}} of {{LIMIT}} characters]]{{#over}} · **[[over the limit]]**{{/over}}{{/limit}}
{{/post}}
{{/posts}}
{{#team}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#roles}}
{{BI_NEWLINE}}{{#responsible}}- **[[Responsible]]** {{V:x-markdown=line}}{{#responsible_stays}} ([[Still with us in a year:]] {{V:x-markdown=line}}){{/responsible_stays}}
{{/responsible}}
{{#backup}}
- **[[Takes over when needed]]** {{V:x-markdown=line}}
{{/backup}}
{{#crisis}}
- **[[To call in a crisis]]** {{V:x-markdown=line}}
{{/crisis}}
{{/roles}}
{{#row}}
{{BI_NEWLINE}}**{{LABEL:x-markdown=line}}**  
{{VALUE:x-markdown=block}}
{{/row}}
{{/team}}
{{#evaluation}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#todo}}
{{BI_NEWLINE}}*[[To complete]]*
{{/todo}}
{{#calendar}}
{{BI_NEWLINE}}| [[Objective]] | [[Indicator and target]] | [[To check on]] | [[Reviewed on]] |
| --- | --- | --- | --- |
{{#check}}
| [[Objective {{N}}]]{{#text}} · {{V:x-markdown=line}}{{/text}} | {{#indicator}}{{V:x-markdown=line}}{{/indicator}}{{#target}} ([[Target:]] {{V:x-markdown=line}}){{/target}} | {{#due}}{{V:x-markdown=line}}{{/due}} | {{#reviewed_on}}{{V:x-markdown=line}}{{/reviewed_on}} |
{{/check}}
{{/calendar}}
{{#review}}
{{BI_NEWLINE}}### [[Review of objective {{N}}]]{{#reviewed_on}} · {{V:x-markdown=line}}{{/reviewed_on}}
{{#row}}
{{BI_NEWLINE}}**{{LABEL:x-markdown=line}}**  
{{VALUE:x-markdown=block}}
{{/row}}
{{/review}}
{{/evaluation}}
{{#events}}
{{BI_NEWLINE}}## {{NUM}}. {{TITLE:x-markdown=line}}
{{#event}}
{{BI_NEWLINE}}### {{#name}}{{V:x-markdown=line}}{{/name}}{{#date}} · {{V:x-markdown=line}}{{/date}}
{{#on_platforms}}
{{BI_NEWLINE}}{{#platform}}{{V:x-markdown=line}}{{#platform_separator}} · {{/platform_separator}}{{/platform}}
{{/on_platforms}}
{{#stages}}
{{BI_NEWLINE}}{{#before}}- **[[Before]]** {{V:x-markdown=item}}
{{/before}}
{{#during}}
- **[[During]]** {{V:x-markdown=item}}
{{/during}}
{{#after}}
- **[[After]]** {{V:x-markdown=item}}
{{/after}}
{{/stages}}
{{#notes}}
{{BI_NEWLINE}}{{V:x-markdown=block}}
{{/notes}}
{{/event}}
{{/events}}
{{#pitfalls}}
{{BI_NEWLINE}}---
{{BI_NEWLINE}}## [[Pitfalls still open ({{PITFALL_COUNT}})]]
{{BI_NEWLINE}}[[Classic mistakes that the plan still shows. They are not part of the strategy: they are what is left to settle.]]
{{BI_NEWLINE}}{{#pitfall}}- **{{PIT_TITLE:x-markdown=line}}**{{#subject}} ({{SUBJECT:x-markdown=line}}){{/subject}}. {{PIT_TEXT:x-markdown=item}}{{#numbers}} [[Planned: {{PLANNED}} h a week; available: {{AVAILABLE}} h.]]{{/numbers}} *[[To fix in:]] {{PIT_SECTION:x-markdown=line}}*
{{/pitfall}}
{{/pitfalls}}
{{BI_NEWLINE}}---
{{BI_NEWLINE}}*[[Made with reseauter on {{TODAY}}.]]*
{{! The strategy as Markdown (CommonMark, with GitHub's tables): the same
    dictionary as summary.tpl, filled by summary_fill_download().  XML is
    the context only because ctemplate has none for Markdown: every value
    goes through x-markdown=... (lib/tpl.cc), which escapes Markdown's syntax;
    one forgotten would come out as inert entities.  Lines holding only a
    section tag vanish, and so do empty lines: the built-in BI_NEWLINE
    opening a line makes the empty line that opens each block (a list's
    first item follows it on the same line).  Markers here hold
    no ' " & < > (they would come out as entities): ’ and « » instead. }}