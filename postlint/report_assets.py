"""The stylesheet and script of the HTML report (postlint/report.py), inline in every report.

Both are fixed strings: the report's Content-Security-Policy allows exactly these two by
their SHA-256 hashes, so nothing a draft contains can add a style or a script that runs.
"""

CSS = """
:root{--bg:#f4f2ee;--fg:#1d1d1f;--muted:#5f6368;--card:#fff;--line:#d9d6d0;--accent:#0a66c2;
--err:#b3261e;--err-bg:#fde7e5;--warn:#8a5300;--warn-bg:#fff1cc;--info:#0b57d0;--info-bg:#e3ecfd;
--ov:#fbd3d0;--chip:#eef3f8;--fold:#7a4fd6;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e3;--muted:#a8a8ad;--card:#22242a;
--line:#3a3d45;--accent:#71b7fb;--err:#ff8a80;--err-bg:#4a1f1c;--warn:#ffcc66;--warn-bg:#43340f;
--info:#8ab4f8;--info-bg:#1c2c4a;--ov:#5a2622;--chip:#2c3340;--fold:#c3a6ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","DejaVu Sans",sans-serif}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--card);padding:6px;z-index:9}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
main{max-width:1180px;margin:0 auto;padding:16px}
h1{font-size:24px;margin:8px 0}h2{font-size:19px;margin:0}h3{font-size:16px;margin:12px 0 6px}
section.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:14px 0}
.tiles{display:flex;flex-wrap:wrap;gap:10px;list-style:none;padding:0;margin:8px 0}
.tiles li{border:1px solid var(--line);border-radius:8px;padding:6px 12px;min-width:110px}
.tiles b{display:block;font-size:22px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;
vertical-align:top}
.chart{width:100%;height:auto;max-width:560px}.chart text{fill:var(--fg);font-size:12px}
.chart .b-error{fill:var(--err)}.chart .b-warning{fill:var(--warn)}.chart .b-info{fill:var(--info)}
.s-error{--c:var(--err);--cb:var(--err-bg)}.s-warning{--c:var(--warn);--cb:var(--warn-bg)}
.s-info{--c:var(--info);--cb:var(--info-bg)}
.ico{color:var(--c);font-weight:700}
.js-only{display:none}html.js .js-only{display:revert}html.js .no-js{display:none}
.filters{position:sticky;top:0;z-index:5;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line)}
.filters label{margin-right:10px;white-space:nowrap}.filters select,.filters button{font:inherit}
.cal{table-layout:fixed}.cal td,.cal th{border:1px solid var(--line);height:44px}
.cal th.wk{width:92px;font-weight:400;color:var(--muted);font-size:12px}
.chip{display:inline-block;background:var(--chip);border-radius:10px;padding:0 6px;margin:1px;font-size:12px;
text-decoration:none;color:var(--fg);border-left:4px solid var(--line)}
.chip.s-error,.chip.s-warning,.chip.s-info{border-left-color:var(--c)}
article.draft{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:16px 0;
content-visibility:auto;contain-intrinsic-size:auto 520px}
article.draft:focus{outline:3px solid var(--accent)}
.dh h2 a{color:var(--fg);word-break:break-all}
#worst a{overflow-wrap:anywhere}
.meta{color:var(--muted);margin:2px 0 6px;font-size:13px}
.counts{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:6px 0}
.counts li{background:var(--chip);border-radius:12px;padding:1px 9px;font-size:13px}
.counts li.over{background:var(--err-bg);color:var(--err);font-weight:600}
.banner{border:1px solid var(--c);background:var(--cb);border-left:6px solid var(--c);border-radius:6px;padding:6px 10px;
margin:6px 0}
.body{display:grid;grid-template-columns:minmax(0,auto) minmax(260px,1fr);gap:18px;align-items:start;margin-top:8px}
@media (max-width:860px){.body{grid-template-columns:minmax(0,1fr)}}
.preview{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;width:555px;max-width:100%;
box-shadow:0 1px 3px rgba(0,0,0,.12)}
.preview.mobile{width:360px}
.pv-head{display:flex;gap:8px;align-items:center;margin-bottom:8px}
.avatar{width:40px;height:40px;border-radius:50%;background:var(--accent);color:#fff;display:flex;align-items:center;
justify-content:center;font-weight:700;flex:none}
.pv-x .avatar,.pv-instagram .avatar{border-radius:50%}.pv-xing .avatar{background:#026466}
.pv-instagram .avatar{background:#c13584}.pv-x .avatar{background:#111}.pv-facebook .avatar{background:#1877f2}
.who small{display:block;color:var(--muted)}
.pv-label{font-size:12px;color:var(--muted);margin-bottom:6px}
.pv-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px;line-height:1.43}
.pv-box .pv-text{border:1px solid var(--line);border-radius:6px;padding:8px;min-height:90px}
.pv-counter{text-align:right;font-size:12px;color:var(--muted)}.pv-counter.over{color:var(--err);font-weight:700}
.e-hashtag,.e-mention,.e-url{color:var(--accent);font-weight:600}
.pv-instagram .e-hashtag{color:#385898}.pv-instagram .e-url{color:inherit;font-weight:400}
.e-url{text-decoration:underline}
.ov{background:var(--ov)}
mark.hl{background:var(--cb);color:inherit;border-bottom:2px solid var(--c);border-radius:2px;position:relative}
mark.hl.s-error{border-bottom-style:double;border-bottom-width:3px}mark.hl.s-warning{border-bottom-style:dashed}
mark.hl.s-info{border-bottom-style:dotted}
mark.hl.start::before{content:attr(data-icon);font-size:10px;vertical-align:super;color:var(--c);margin-right:1px}
mark.hl:hover::after,mark.hl:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:4;
background:var(--fg);color:var(--bg);font-size:12px;font-weight:400;white-space:pre-line;padding:4px 8px;
border-radius:4px;width:max-content;max-width:320px}
mark.caret{display:inline-block;width:2px;height:1em;background:var(--c);vertical-align:text-bottom}
.fold{display:inline-block;font-size:11px;color:var(--fold);border:1px dashed var(--fold);border-radius:8px;
padding:0 5px;margin:0 2px;white-space:nowrap;font-weight:600;line-height:1.3}
.fold .fl{font-weight:400}
html.js .preview.collapsed.desktop .af-d,html.js .preview.collapsed.mobile .af-m{display:none}
html.js .preview.collapsed.desktop .fold-m,html.js .preview.collapsed.mobile .fold-d{display:none}
html.js .preview.collapsed .fold{border:0;color:var(--fold);font-size:14px;font-weight:400;cursor:pointer}
html.js .preview.collapsed .fold .fl{display:none}
html.js .preview:not(.collapsed) .fold .more{display:none}
.card{border:1px solid var(--line);border-radius:6px;margin-top:10px;overflow:hidden}
.card .img{height:60px;background:repeating-linear-gradient(45deg,var(--chip),var(--chip) 8px,var(--card) 8px,var(--card) 16px)}
.card p{margin:4px 8px;font-size:13px}
.pv-tools{margin:8px 0 0;display:flex;gap:6px}.pv-tools button{font:inherit;font-size:12px}
ol.findings{margin:0;padding-left:0;list-style:none}
ol.findings li{border-left:4px solid var(--c);padding:3px 8px;margin:4px 0;background:var(--cb);border-radius:4px}
ol.findings .where{font-family:ui-monospace,monospace;font-size:12px}
.empty{color:var(--muted)}
.pager{margin:10px 0}
footer{color:var(--muted);font-size:13px;margin:20px 0}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 4px;font-size:12px}
"""

JS = """
(function(){
var root=document.documentElement;root.classList.add('js');root.setAttribute('data-js','on');
function q(id){return document.getElementById(id)}
var idx=q('draft-index');
// every draft: [anchor, channel, account, rule codes, severities, pack (-1: in the page)]
var all=idx?JSON.parse(idx.textContent):[];
var byId={};all.forEach(function(r,i){byId[r[0]]=i});
var PAGE=50,page=0,shown=all,current=[],loaded={};
Array.prototype.forEach.call(document.querySelectorAll('article.draft'),function(a){a.hidden=true});
var narrow=window.matchMedia&&window.matchMedia('(max-width:600px)').matches;
function fit(scope){
 // on a phone the previews start at the mobile width, with the mobile fold
 if(!narrow)return;
 Array.prototype.forEach.call(scope.querySelectorAll('.preview.desktop'),function(p){
  p.classList.remove('desktop');p.classList.add('mobile');
  var b=p.querySelector('button[data-act=view]');if(b)b.textContent='Desktop width'})}
fit(document);
function val(id){var e=q(id);return e?e.value:''}
function matches(r){
 var c=val('f-channel'),a=val('f-account'),ru=val('f-rule'),s=val('f-severity');
 if(c&&r[1]!==c)return false;
 if(a&&r[2]!==a)return false;
 if(ru&&(' '+r[3]+' ').indexOf(' '+ru+' ')<0)return false;
 if(s==='clean')return r[4]==='';
 if(s&&(' '+r[4]+' ').indexOf(' '+s+' ')<0)return false;
 return true}
function unpack(k){
 // drafts past the first part of a large report: deflated HTML, inflated on demand (no request)
 if(loaded[k])return loaded[k];
 var bin=atob(q('pack-'+k).textContent.trim()),bytes=new Uint8Array(bin.length);
 for(var i=0;i<bin.length;i++)bytes[i]=bin.charCodeAt(i);
 loaded[k]=new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).text().then(function(h){
  var slot=q('slot-'+k),box=document.createElement('div');box.innerHTML=h;
  Array.prototype.forEach.call(box.querySelectorAll('article.draft'),function(a){a.hidden=true});fit(box);
  while(box.firstChild)slot.parentNode.insertBefore(box.firstChild,slot);
 });
 return loaded[k]}
function need(rows){
 var packs={};rows.forEach(function(r){if(r[5]>=0&&!q(r[0]))packs[r[5]]=1});
 return Promise.all(Object.keys(packs).map(function(k){return unpack(k)}))}
function render(){
 var pages=Math.max(1,Math.ceil(shown.length/PAGE));if(page>=pages)page=pages-1;
 var rows=shown.slice(page*PAGE,page*PAGE+PAGE);
 return need(rows).then(function(){
  current.forEach(function(id){var e=q(id);if(e)e.hidden=true});
  current=rows.map(function(r){return r[0]});
  current.forEach(function(id){var e=q(id);if(e)e.hidden=false});
  var p=q('pager-info');if(p)p.textContent=shown.length+' of '+all.length+' drafts \\u00b7 page '+(page+1)+' of '+pages;
 })}
function apply(){shown=all.filter(matches);page=0;return render()}
['f-channel','f-account','f-rule','f-severity'].forEach(function(id){var e=q(id);if(e)e.addEventListener('change',apply)});
var prev=q('pager-prev'),next=q('pager-next');
if(prev)prev.addEventListener('click',function(){if(page>0){page--;render()}});
if(next)next.addEventListener('click',function(){page++;render()});
function show(id){
 // the page with draft `id` on it (all drafts when the filters hide it)
 var i=-1;for(var j=0;j<shown.length;j++)if(shown[j][0]===id){i=j;break}
 if(i<0){['f-channel','f-account','f-rule','f-severity'].forEach(function(f){var e=q(f);if(e)e.value=''});shown=all;i=byId[id]}
 if(i===undefined||i<0)return Promise.resolve();
 var target=Math.floor(i/PAGE);
 if(target===page&&current.indexOf(id)>=0)return Promise.resolve();
 page=target;return render()}
function go(hash){
 if(!hash)return;var id=decodeURIComponent(hash.slice(1)),draft=id.split('-')[0];
 if(byId[draft]===undefined)return;
 show(draft).then(function(){
  var t=q(id);if(!t)return;
  var pv=t.closest('.preview');if(pv&&t.closest('.af-m,.af-d'))pv.classList.remove('collapsed');
  t.scrollIntoView();if(t.focus)t.focus()})}
window.addEventListener('hashchange',function(){go(location.hash)});
document.addEventListener('click',function(ev){
 var b=ev.target.closest('button[data-act],.fold');if(!b)return;var pv=b.closest('article').querySelector('.preview');
 if(!pv)return;var act=b.getAttribute('data-act');
 if(act==='view'){var m=pv.classList.toggle('mobile');pv.classList.toggle('desktop',!m);b.textContent=m?'Desktop width':'Mobile width'}
 else{pv.classList.toggle('collapsed')}
});
document.addEventListener('keydown',function(ev){
 if(ev.ctrlKey||ev.metaKey||ev.altKey)return;var t=ev.target.tagName;if(t==='SELECT'||t==='INPUT'||t==='TEXTAREA')return;
 var vis=current.map(q).filter(Boolean);if(!vis.length)return;
 var cur=document.activeElement&&document.activeElement.closest?document.activeElement.closest('article.draft'):null;
 var i=vis.indexOf(cur);
 if(ev.key==='j'||ev.key==='k'){var n=ev.key==='j'?Math.min(vis.length-1,i+1):Math.max(0,i<0?0:i-1);vis[n].focus();vis[n].scrollIntoView();ev.preventDefault()}
 else if(ev.key==='e'&&cur){var p=cur.querySelector('.preview');if(p)p.classList.toggle('collapsed')}
 else if(ev.key==='m'&&cur){var b=cur.querySelector('button[data-act=view]');if(b)b.click()}
 else if(ev.key==='/'){var f=q('f-channel');if(f){f.focus();ev.preventDefault()}}
});
render().then(function(){
 if(location.hash)go(location.hash);
 root.setAttribute('data-ready-ms',String(Math.round(performance.now())));
});
})();
"""
