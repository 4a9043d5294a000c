// Destructive buttons ask first: a submit button with data-confirm="question" submits only
// when the person confirms, and then says so (confirm=1), so the server does not ask again.
// Without JavaScript the server asks on a page of its own (fleksi.common.confirm).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute("data-confirm");
  if (!question) {
    return;
  }
  if (!window.confirm(question)) {
    event.preventDefault();
    return;
  }
  var flag = document.createElement("input");
  flag.type = "hidden";
  flag.name = "confirm";
  flag.value = "1";
  event.target.appendChild(flag);
});
