import { mount } from "svelte"
import App from "./App.svelte"
import { setupI18n } from "./lib/i18n/index.js"
import "./app.css"

setupI18n()
mount(App, { target: document.getElementById("app")! })
